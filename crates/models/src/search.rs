//! Models of search answers (filled in area by area).
