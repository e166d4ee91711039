package report

// newestNames remembers the latest name each lift was logged under, since
// a lifter who renamed an exercise wants to see the name they use now.
type newestNames struct {
	day   []int
	names []string
}

func makeNewestNames(n int) newestNames {
	nn := newestNames{day: make([]int, n), names: make([]string, n)}
	for i := range nn.day {
		nn.day[i] = minDay
	}
	return nn
}

// minDay is earlier than any day a row can carry.
const minDay = -1 << 40

func (nn newestNames) see(l, day int, name string) {
	if day >= nn.day[l] && name != "" {
		nn.day[l], nn.names[l] = day, name
	}
}

func (nn newestNames) name(l int, key string) string {
	if nn.names[l] != "" {
		return nn.names[l]
	}
	return key
}
