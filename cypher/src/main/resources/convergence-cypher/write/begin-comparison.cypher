// Announces one write of a comparison of two snapshots (`convergence compare`): the node exists from
// here on in state `writing`; readers (the Browser guide) show a comparison only once it is `complete`,
// and only the changes whose `write` is its own. What an earlier, interrupted write of the same
// comparison left behind is removed first (write/delete-comparison-write).
CREATE (:Comparison {id: $id, write: $write, state: 'writing', earlier: $earlier, later: $later,
  startedAt: datetime()})
