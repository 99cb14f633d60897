"""The main toolbar: the everyday actions of the other features, with their icons and shortcuts."""
