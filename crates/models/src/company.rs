//! Models of company answers (filled in area by area).
