"""Goals, writing statistics and the Statistics dialog."""
