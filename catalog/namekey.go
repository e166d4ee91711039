package catalog

// NameKey returns the key Backload matches a name by: lowercase words,
// singular, abbreviations expanded, filler dropped, sorted and without
// repeats. "Squat (Barbell)", "barbell squats" and "BB Squat" share one
// key. A lifter's correction of a name is stored under its key, so it holds
// for every spelling of the name that the matcher treats as the same. It
// returns "" for a name with no words.
func NameKey(name string) string { return string(normalize(name)) }
