package report

import "math"

// maxBars is the most bars a chart draws: two years of weeks. Beyond that
// weeks merge into blocks of equal length, so that ten years still draw as
// bars about three units wide, visible on a phone, instead of 520 slivers.
const maxBars = 104

// blockSize is how many weeks one bar stands for when there are n weeks.
func blockSize(n int) int {
	if n <= maxBars {
		return 1
	}
	return (n + maxBars - 1) / maxBars
}

// blockMeans averages vals over blocks of k; the last block averages the
// weeks it has, so a part block is not drawn short.
func blockMeans(vals []float64, k int) []float64 {
	out := make([]float64, (len(vals)+k-1)/k)
	for i := range out {
		part := vals[i*k : min((i+1)*k, len(vals))]
		sum := 0.0
		for _, v := range part {
			sum += v
		}
		out[i] = sum / float64(len(part))
	}
	return out
}

// blockMax takes the largest of vals in each block of k.
func blockMax(vals []float64, k int) []float64 {
	out := make([]float64, (len(vals)+k-1)/k)
	for i := range out {
		for _, v := range vals[i*k : min((i+1)*k, len(vals))] {
			out[i] = math.Max(out[i], v)
		}
	}
	return out
}

// barGeometry returns the left edge and width of slot i's bar. Bars keep a
// gap while slots are wide enough to show one, and touch when they are not.
func barGeometry(l layout, slots, i int) (x, w float64) {
	slotW := l.w / float64(slots)
	w = slotW
	if slotW >= 4 {
		w = slotW * 0.7
	}
	return l.x0 + float64(i)*slotW + (slotW-w)/2, w
}

// bars writes one bar per value, from zero; tip(i), when tip is not nil,
// is bar i's tooltip.
func (c *canvas) bars(l layout, s scale, vals []float64, fill string, tip func(i int) string) {
	for i, v := range vals {
		if v <= 0 {
			continue
		}
		x, w := barGeometry(l, len(vals), i)
		y := s.y(l, v)
		c.rect(x, y, w, s.y(l, 0)-y, fill, tipOf(tip, i))
	}
}

// stacked writes stacked bars: layers[k][i] is layer k's value in slot i,
// drawn bottom up in layer order, each layer in fills[k]. tip(i, k) is a
// segment's tooltip.
func (c *canvas) stacked(l layout, s scale, layers [][]float64, fills []string, tip func(i, k int) string) {
	if len(layers) == 0 {
		return
	}
	slots := len(layers[0])
	for i := range slots {
		x, w := barGeometry(l, slots, i)
		base := 0.0
		for k, layer := range layers {
			v := layer[i]
			if v <= 0 {
				continue
			}
			y0, y1 := s.y(l, base), s.y(l, base+v)
			t := ""
			if tip != nil {
				t = tip(i, k)
			}
			c.rect(x, y1, w, y0-y1, fills[k], t)
			base += v
		}
	}
}

func tipOf(tip func(int) string, i int) string {
	if tip == nil {
		return ""
	}
	return tip(i)
}
