package classify

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/lorkeeper/lorkeeper/classify/internal/corpus"
)

// TestScoreDir scores the classifier on a labelled folder named by
// LORKEEPER_SCORE_DIR (.eml files and labels.tsv, as in testdata/corpus)
// and prints only aggregate figures: per-kind precision, recall and F1,
// accuracy, macro-F1, hesitant recall, strong_yes precision and recall,
// the confusion matrix and the number of unsure results. With
// LORKEEPER_SCORE_VERBOSE=1 it also prints one line per file.
//
//	LORKEEPER_SCORE_DIR=/path/to/batch go test ./classify -run TestScoreDir -v
func TestScoreDir(t *testing.T) {
	dir := os.Getenv("LORKEEPER_SCORE_DIR")
	if dir == "" {
		t.Skip("set LORKEEPER_SCORE_DIR to a folder with .eml files and labels.tsv to score it")
	}
	labels, err := corpus.ReadLabels(dir)
	if err != nil {
		t.Fatalf("LORKEEPER_SCORE_DIR: %v", err)
	}
	if len(labels) == 0 {
		t.Fatalf("LORKEEPER_SCORE_DIR: no labelled files in %s", dir)
	}
	verbose := os.Getenv("LORKEEPER_SCORE_VERBOSE") == "1"
	var want, got []int
	var unsure []bool
	failed := 0
	for _, l := range labels {
		r, err := KindFile(filepath.Join(dir, l.File))
		if err != nil {
			failed++
			continue
		}
		want = append(want, corpus.ClassIndex(l.Kind))
		got = append(got, corpus.ClassIndex(string(r.Kind)))
		unsure = append(unsure, r.Unsure)
		if verbose {
			mark := "ok  "
			if string(r.Kind) != l.Kind {
				mark = "MISS"
			}
			fmt.Printf("%s %-24s want %-10s got %-10s conf %.2f unsure=%v reason=%s\n", mark, l.File, l.Kind, r.Kind, r.Confidence, r.Unsure, r.Reason)
		}
	}
	if failed > 0 {
		t.Errorf("%d files could not be read", failed)
	}
	s := corpus.Score(want, got, unsure)
	fmt.Printf("score of %s (unsure below %.2f)\n%s", dir, UnsureBelow, s)
}
