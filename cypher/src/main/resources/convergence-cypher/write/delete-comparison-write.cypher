// Deletes one batch of the changes of one write of a comparison (replaced, or left by an interrupted
// write), and the write's node once no change is left. Run until it returns 0.
MATCH ()-[r:CONVERGENCE_APPEARED|CONVERGENCE_VANISHED|THEME_GAINED|THEME_LOST {comparison: $id, write: $write}]->()
WITH r LIMIT 10000
DELETE r
RETURN count(*) AS deleted
