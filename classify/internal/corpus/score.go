package corpus

import (
	"fmt"
	"strings"
)

// Scores are the figures of one labelled set.
type Scores struct {
	N         int
	Accuracy  float64
	Precision []float64 // by class index
	Recall    []float64
	F1        []float64
	Support   []int
	Predicted []int
	MacroF1   float64
	// Confusion[want][got] counts items.
	Confusion [][]int
	Unsure    int // results below the unsure threshold
	// UnsureErrors and SureErrors count wrong kinds among unsure and sure
	// results.
	UnsureErrors, SureErrors int
}

// Score computes the figures; unsure may be nil.
func Score(want, got []int, unsure []bool) Scores {
	K := len(Classes)
	s := Scores{N: len(want), Precision: make([]float64, K), Recall: make([]float64, K), F1: make([]float64, K),
		Support: make([]int, K), Predicted: make([]int, K), Confusion: make([][]int, K)}
	for k := range s.Confusion {
		s.Confusion[k] = make([]int, K)
	}
	correct := 0
	for i := range want {
		s.Confusion[want[i]][got[i]]++
		s.Support[want[i]]++
		s.Predicted[got[i]]++
		if want[i] == got[i] {
			correct++
		}
		if unsure != nil && unsure[i] {
			s.Unsure++
			if want[i] != got[i] {
				s.UnsureErrors++
			}
		} else if want[i] != got[i] {
			s.SureErrors++
		}
	}
	s.Accuracy = ratio(correct, len(want))
	n := 0
	for k := 0; k < K; k++ {
		if s.Support[k] == 0 && s.Predicted[k] == 0 {
			continue
		}
		tp := s.Confusion[k][k]
		s.Precision[k] = ratio(tp, s.Predicted[k])
		s.Recall[k] = ratio(tp, s.Support[k])
		if p, r := s.Precision[k], s.Recall[k]; p+r > 0 {
			s.F1[k] = 2 * p * r / (p + r)
		}
		s.MacroF1 += s.F1[k]
		n++
	}
	if n > 0 {
		s.MacroF1 /= float64(n)
	}
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Of returns the index of a kind for the figures.
func (s Scores) Of(kind string) int { return ClassIndex(kind) }

// String prints the aggregate figures only: per-kind precision, recall
// and F1, accuracy, macro-F1, the headline figures, the confusion matrix
// and the number of unsure results.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d replies\n  %-11s %9s %6s %6s %7s %9s\n", s.N, "kind", "precision", "recall", "f1", "support", "predicted")
	for k, c := range Classes {
		if s.Support[k] == 0 && s.Predicted[k] == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %-11s %9.3f %6.3f %6.3f %7d %9d\n", c, s.Precision[k], s.Recall[k], s.F1[k], s.Support[k], s.Predicted[k])
	}
	sy, h := ClassIndex("strong_yes"), ClassIndex("hesitant")
	fmt.Fprintf(&b, "  accuracy %.3f, macro-F1 %.3f, hesitant recall %.3f, strong_yes precision %.3f, strong_yes recall %.3f\n",
		s.Accuracy, s.MacroF1, s.Recall[h], s.Precision[sy], s.Recall[sy])
	fmt.Fprintf(&b, "  unsure %d (%d of them wrong); sure and wrong %d\n", s.Unsure, s.UnsureErrors, s.SureErrors)
	b.WriteString("  confusion (rows: label, columns: result)\n  " + strings.Repeat(" ", 11))
	short := []string{"sy", "hes", "dec", "info", "upl", "auto", "oth"}
	for _, c := range short {
		fmt.Fprintf(&b, " %5s", c)
	}
	b.WriteByte('\n')
	for k, c := range Classes {
		fmt.Fprintf(&b, "  %-11s", c)
		for j := range Classes {
			fmt.Fprintf(&b, " %5d", s.Confusion[k][j])
		}
		b.WriteByte('\n')
	}
	return b.String()
}
