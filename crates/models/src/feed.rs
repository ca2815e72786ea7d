//! Models of feed answers (filled in area by area).
