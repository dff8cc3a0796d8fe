// Command train fits the classifier's model on the development corpora
// and writes it for embedding (run by `go generate ./classify`).
//
// It first cross-validates (leaving out one corpus at a time) to
// calibrate the model's confidence: the temperature that makes held-out
// probabilities honest is fitted on the held-out logits, and the held-out
// figures are printed. Then it trains on every development reply and
// writes the model with that temperature.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/lorkeeper/lorkeeper/classify/internal/corpus"
	"github.com/lorkeeper/lorkeeper/classify/internal/learn"
)

func main() {
	out := flag.String("out", "model.json", "where to write the model")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	root, err := corpus.Root()
	if err != nil {
		return err
	}
	items, err := corpus.LoadDev(root)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, it := range items {
		counts[it.Dir]++
	}
	for _, d := range corpus.Dev {
		if counts[d] > 0 {
			fmt.Printf("%-28s %4d replies\n", d, counts[d])
		}
	}
	m, logits := corpus.Build(items)
	labels := make([]int, len(items))
	got := make([]int, len(items))
	for i, it := range items {
		labels[i] = corpus.ClassIndex(it.Label)
		got[i] = learn.Argmax(logits[i])
	}
	fmt.Printf("leave-one-corpus-out cross-validation (NOT blind: every reply is development data)\n%s", corpus.Score(labels, got, nil))
	fmt.Printf("temperature %.2f; model: %d features, training loss %.3f\n", m.Temperature, len(m.Weights), m.Loss(corpus.Examples(items)))
	return os.WriteFile(out, m.Marshal(), 0o644)
}
