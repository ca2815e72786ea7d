//! Models of job answers (filled in area by area).
