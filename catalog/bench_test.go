package catalog

import (
	"testing"
)

// BenchmarkClassify classifies 100,000 names per iteration, cycling through
// both real-world lists (a mix of exact aliases, messy spellings and names
// that fall through to the rules).
func BenchmarkClassify(b *testing.B) {
	c := Default()
	labelled := append(readLabelled(b, "testdata/realworld-names.tsv"), readLabelled(b, "testdata/holdout-names.tsv")...)
	names := make([]string, len(labelled))
	for i, n := range labelled {
		names[i] = n.name
	}
	const perOp = 100_000
	b.ReportAllocs()
	for b.Loop() {
		for i := range perOp {
			c.Classify(names[i%len(names)])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*perOp), "ns/name")
}
