"""Qt item models of the review screen: queue, candidates, partner criteria, filter proxy."""
