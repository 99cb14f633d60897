"""The manuscript outline: the tree view, its moves, the trash and the scene inspector."""
