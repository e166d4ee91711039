package web

import "time"

// coreDoseGrowth is how many holds each round of the guided core session
// may gain over its starting count: with the default pyramid of 6, 4, 2
// the dose stops growing at 10, 8, 6. A product choice, after McGill's
// "Big 3" practice of building endurance with more short holds rather
// than longer ones; expert consensus, not trial-tested.
const coreDoseGrowth = 4

// coreDose returns the number of holds in each round for the lifter's
// practice week (1 for the first week they do the guided session). Week 1
// is the policy's pyramid; each later week adds one hold to the first
// round until it has grown by growth, then to the second round, and so on.
// Filling the rounds in order keeps the pyramid descending. The hold
// itself never gets longer. A week below 1 counts as week 1.
func coreDose(pyramid []int, week, growth int) []int {
	dose := append([]int(nil), pyramid...)
	extra := max(week-1, 0)
	for i := range dose {
		if extra <= 0 || growth <= 0 {
			break
		}
		add := min(extra, growth)
		dose[i] += add
		extra -= add
	}
	return dose
}

// corePracticeWeek returns which week of guided core practice now falls in:
// 1 plus the number of distinct calendar weeks (Monday to Sunday, in loc)
// before now's week that hold a guided session. A lifter who skips a week
// picks up where they left off rather than jumping ahead, and a second
// session in the same week does not advance the dose.
func corePracticeWeek(starts []time.Time, now time.Time, loc *time.Location) int {
	thisYear, thisWeek := now.In(loc).ISOWeek()
	seen := map[[2]int]bool{}
	for _, t := range starts {
		y, w := t.In(loc).ISOWeek()
		if y < thisYear || y == thisYear && w < thisWeek {
			seen[[2]int{y, w}] = true
		}
	}
	return 1 + len(seen)
}
