//! Models of profile answers (filled in area by area).
