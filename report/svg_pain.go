package report

import (
	"math"
	"strconv"
)

// painScale is the right axis of pain, the whole 0 to 10 rating, so that a
// low pain line looks low.
var painScale = scale{lo: 0, hi: 10, step: 2}

// painPoints places the pain line: a point per check-in at its day, broken
// where check-ins are more than a week apart; or, with blocks, a point per
// block at the mean of its check-ins.
func painPoints(l layout, pain []PainDay, first, n, k int) []xy {
	if n == 0 {
		return nil
	}
	if k == 1 {
		var pts []xy
		prev := minDay
		for _, p := range pain {
			d := dayOf(p.Day)
			if d < first || d >= first+7*n {
				continue
			}
			if d-prev > painWindow && len(pts) > 0 {
				pts = append(pts, xy{0, math.NaN()})
			}
			prev = d
			x := l.x0 + (float64(d-first)+0.5)/float64(7*n)*l.w
			pts = append(pts, xy{x, painScale.y(l, p.Avg7)})
		}
		return pts
	}
	means := blockPain(pain, first, n, k)
	pts := make([]xy, len(means))
	for i, m := range means {
		pts[i] = xy{l.x0 + (float64(i)+0.5)*l.w/float64(len(means)), painScale.y(l, m)}
		if math.IsNaN(m) {
			pts[i].y = m
		}
	}
	return pts
}

// blockPain is the mean pain of the check-ins in each block of k weeks,
// NaN for a block without any.
func blockPain(pain []PainDay, first, n, k int) []float64 {
	slots := (n + k - 1) / k
	sum, cnt := make([]float64, slots), make([]int, slots)
	for _, p := range pain {
		if w := weekIndex(dayOf(p.Day), first, n); w >= 0 {
			sum[w/k] += float64(p.Pain)
			cnt[w/k]++
		}
	}
	for i := range sum {
		sum[i] /= float64(cnt[i]) // 0/0 is NaN: no check-in
	}
	return sum
}

// painCell writes a weekly pain mean, or a dash for a week without
// check-ins.
func painCell(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}
