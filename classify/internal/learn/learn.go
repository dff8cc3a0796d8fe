// Package learn trains and applies a multinomial logistic regression
// (softmax) over named binary features. Training is deterministic:
// full-batch gradient descent (Adam) from zero weights, over features in
// sorted order.
package learn

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Example is one labelled instance.
type Example struct {
	Features []string // names of the features present (each once)
	Label    int      // index into the classes
	Weight   float64  // 0 means 1
}

// Options control training.
type Options struct {
	// L2 returns the L2 penalty of a feature by name.
	L2 func(name string) float64
	// MinCount drops features present in fewer examples (by name group:
	// MinCount returns the minimum for a name).
	MinCount func(name string) int
	// Iterations of full-batch Adam.
	Iterations int
	// Rate is Adam's step size.
	Rate float64
}

// Model is a trained softmax model.
type Model struct {
	Classes     []string             `json:"classes"`
	Temperature float64              `json:"temperature"`
	Bias        []float64            `json:"bias"`
	Weights     map[string][]float64 `json:"weights"`
}

// Logits returns the raw scores of each class for the given features.
func (m *Model) Logits(features []string) []float64 {
	z := make([]float64, len(m.Classes))
	copy(z, m.Bias)
	for _, f := range features {
		if w, ok := m.Weights[f]; ok {
			for k := range z {
				z[k] += w[k]
			}
		}
	}
	return z
}

// Probs returns the calibrated class probabilities for the features.
func (m *Model) Probs(features []string) []float64 {
	return Softmax(m.Logits(features), m.Temperature)
}

// Softmax turns logits into probabilities at temperature t (0 means 1).
func Softmax(z []float64, t float64) []float64 {
	if t <= 0 {
		t = 1
	}
	p := make([]float64, len(z))
	mx := math.Inf(-1)
	for _, v := range z {
		mx = math.Max(mx, v)
	}
	sum := 0.0
	for k, v := range z {
		p[k] = math.Exp((v - mx) / t)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}

// Argmax returns the index of the largest value (the first on ties).
func Argmax(p []float64) int {
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return best
}

// Train fits a model to the examples.
func Train(classes []string, data []Example, opt Options) *Model {
	if opt.Iterations == 0 {
		opt.Iterations = 400
	}
	if opt.Rate == 0 {
		opt.Rate = 0.05
	}
	// Vocabulary: features present in enough examples, sorted.
	count := map[string]int{}
	for _, e := range data {
		for _, f := range e.Features {
			count[f]++
		}
	}
	var names []string
	for f, n := range count {
		if opt.MinCount == nil || n >= opt.MinCount(f) {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	index := make(map[string]int, len(names))
	for i, f := range names {
		index[f] = i
	}
	K, F := len(classes), len(names)
	xs := make([][]int32, len(data))
	wsum := 0.0
	for i, e := range data {
		for _, f := range e.Features {
			if j, ok := index[f]; ok {
				xs[i] = append(xs[i], int32(j))
			}
		}
		sort.Slice(xs[i], func(a, b int) bool { return xs[i][a] < xs[i][b] })
		wsum += weight(e)
	}
	l2 := make([]float64, F)
	for j, f := range names {
		if opt.L2 != nil {
			l2[j] = opt.L2(f)
		}
	}
	// Parameters: W[j*K+k], then the bias.
	P := (F + 1) * K
	w := make([]float64, P)
	g := make([]float64, P)
	m1 := make([]float64, P)
	m2 := make([]float64, P)
	z := make([]float64, K)
	const b1, b2, eps = 0.9, 0.999, 1e-8
	for it := 1; it <= opt.Iterations; it++ {
		for i := range g {
			g[i] = 0
		}
		for i, e := range data {
			copy(z, w[F*K:])
			for _, j := range xs[i] {
				row := w[int(j)*K : int(j)*K+K]
				for k := range z {
					z[k] += row[k]
				}
			}
			p := Softmax(z, 1)
			c := weight(e) / wsum
			p[e.Label]--
			for k := range p {
				p[k] *= c
			}
			for _, j := range xs[i] {
				row := g[int(j)*K : int(j)*K+K]
				for k := range row {
					row[k] += p[k]
				}
			}
			for k := range p {
				g[F*K+k] += p[k]
			}
		}
		for j := 0; j < F; j++ {
			for k := 0; k < K; k++ {
				g[j*K+k] += l2[j] * w[j*K+k]
			}
		}
		// Adam with a step that decays to a tenth over the run.
		rate := opt.Rate * (1 - 0.9*float64(it-1)/float64(opt.Iterations))
		c1 := 1 - math.Pow(b1, float64(it))
		c2 := 1 - math.Pow(b2, float64(it))
		for i := range w {
			m1[i] = b1*m1[i] + (1-b1)*g[i]
			m2[i] = b2*m2[i] + (1-b2)*g[i]*g[i]
			w[i] -= rate * (m1[i] / c1) / (math.Sqrt(m2[i]/c2) + eps)
		}
	}
	m := &Model{Classes: append([]string(nil), classes...), Temperature: 1, Bias: round(w[F*K:]), Weights: map[string][]float64{}}
	for j, f := range names {
		row := w[j*K : j*K+K]
		big := false
		for _, v := range row {
			big = big || math.Abs(v) >= 5e-4
		}
		if big {
			m.Weights[f] = round(row)
		}
	}
	return m
}

// Loss returns the mean cross-entropy of the model on the examples.
func (m *Model) Loss(data []Example) float64 {
	sum, n := 0.0, 0.0
	for _, e := range data {
		p := m.Probs(e.Features)
		sum -= weight(e) * math.Log(math.Max(p[e.Label], 1e-12))
		n += weight(e)
	}
	return sum / math.Max(n, 1)
}

func weight(e Example) float64 {
	if e.Weight == 0 {
		return 1
	}
	return e.Weight
}

func round(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Round(x*1e4) / 1e4
	}
	return out
}

// FitTemperature returns the temperature in [0.25, 8] that minimises the
// cross-entropy of the given logits (a calibration step on held-out
// predictions).
func FitTemperature(logits [][]float64, labels []int) float64 {
	best, bestLoss := 1.0, math.Inf(1)
	for t := 0.25; t <= 8.0001; t += 0.05 {
		loss := 0.0
		for i, z := range logits {
			p := Softmax(z, t)
			loss -= math.Log(math.Max(p[labels[i]], 1e-12))
		}
		if loss < bestLoss {
			best, bestLoss = t, loss
		}
	}
	return math.Round(best*100) / 100
}

// Marshal encodes the model as JSON, one feature per line, sorted.
func (m *Model) Marshal() []byte {
	names := make([]string, 0, len(m.Weights))
	for f := range m.Weights {
		names = append(names, f)
	}
	sort.Strings(names)
	enc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		return string(b)
	}
	var out strings.Builder
	fmt.Fprintf(&out, "{\n\"classes\": %s,\n\"temperature\": %s,\n\"bias\": %s,\n\"weights\": {", enc(m.Classes), enc(m.Temperature), enc(m.Bias))
	for i, f := range names {
		if i > 0 {
			out.WriteByte(',')
		}
		out.WriteString("\n" + enc(f) + ": " + enc(m.Weights[f]))
	}
	out.WriteString("\n}}\n")
	return []byte(out.String())
}

// Unmarshal decodes a model written by Marshal.
func Unmarshal(b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if len(m.Classes) == 0 || len(m.Bias) != len(m.Classes) {
		return nil, fmt.Errorf("learn: model has %d classes and %d biases", len(m.Classes), len(m.Bias))
	}
	for f, w := range m.Weights {
		if len(w) != len(m.Classes) {
			return nil, fmt.Errorf("learn: feature %q has %d weights, want %d", f, len(w), len(m.Classes))
		}
	}
	return &m, nil
}
