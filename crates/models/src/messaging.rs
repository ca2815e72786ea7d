//! Models of messaging answers (filled in area by area).
