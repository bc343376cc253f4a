// Ends a load that retired a previous generation: its marker now names the retired key, so that an
// interrupted deletion of that generation is found and finished by the next command (unfinished-loads).
MATCH (l:DatasetLoad {key: $key})
SET l.key = $retired, l.state = 'retired'
