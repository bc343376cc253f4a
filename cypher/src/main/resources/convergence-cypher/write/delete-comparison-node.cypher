// Deletes the node of one write of a comparison once its changes are gone (write/delete-comparison-write).
MATCH (c:Comparison {id: $id, write: $write})
DETACH DELETE c
