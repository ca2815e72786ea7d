//! Models of invitation answers (filled in area by area).
