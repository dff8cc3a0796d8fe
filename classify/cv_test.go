package classify

import (
	"math"
	"sync"
	"testing"

	"github.com/lorkeeper/lorkeeper/classify/internal/corpus"
	"github.com/lorkeeper/lorkeeper/classify/internal/learn"
)

// devCorpus loads every development corpus once per test binary.
var devCorpus = sync.OnceValues(func() ([]corpus.Item, error) {
	root, err := corpus.Root()
	if err != nil {
		return nil, err
	}
	return corpus.LoadDev(root)
})

func loadDev(t *testing.T) []corpus.Item {
	t.Helper()
	items, err := devCorpus()
	if err != nil {
		t.Fatalf("load development corpora: %v", err)
	}
	if len(items) < 400 {
		t.Fatalf("only %d development replies", len(items))
	}
	return items
}

// cvResult is the cross-validated verdict on every development reply.
type cvResult struct {
	items []corpus.Item
	// k-fold verdicts
	want   []int
	got    []int
	conf   []float64
	unsure []bool
	// leave-one-corpus-out verdicts
	locoGot    []int
	locoConf   []float64
	locoUnsure []bool
}

var cvOnce = sync.OnceValue(func() *cvResult {
	items, err := devCorpus()
	if err != nil {
		return nil
	}
	logits := corpus.CrossValidate(items, corpus.NumFolds, corpus.Options())
	loco := corpus.CrossValidateCorpora(items, corpus.Options())
	r := &cvResult{items: items}
	t := model().Temperature
	for i, it := range items {
		r.want = append(r.want, corpus.ClassIndex(it.Label))
		k, c, u := verdict(logits[i], t)
		r.got, r.conf, r.unsure = append(r.got, k), append(r.conf, c), append(r.unsure, u)
		k, c, u = verdict(loco[i], t)
		r.locoGot, r.locoConf, r.locoUnsure = append(r.locoGot, k), append(r.locoConf, c), append(r.locoUnsure, u)
	}
	return r
})

// verdict is what decide makes of logits: the kind, its confidence and
// whether it is unsure.
func verdict(z []float64, t float64) (int, float64, bool) {
	p := learn.Softmax(z, t)
	k := learn.Argmax(p)
	c := math.Round(p[k]*1000) / 1000
	return k, c, c < UnsureBelow
}

func crossValidated(t *testing.T) *cvResult {
	t.Helper()
	loadDev(t)
	r := cvOnce()
	if r == nil {
		t.Fatal("cross-validation failed")
	}
	return r
}

// TestCrossValidation trains on four fifths of the development replies
// and judges the fifth, for each fifth (folds are deterministic and
// stratified by kind). These replies were all read while the cues were
// written, so the figures are NOT blind; the floors sit a little under
// what the current model reaches, to catch regressions.
func TestCrossValidation(t *testing.T) {
	r := crossValidated(t)
	s := corpus.Score(r.want, r.got, r.unsure)
	t.Logf("%d-fold cross-validation on %d development replies (not blind)\n%s", corpus.NumFolds, len(r.items), s)
	sy, h := corpus.ClassIndex("strong_yes"), corpus.ClassIndex("hesitant")
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"macro-F1", s.MacroF1, cvFloors.macroF1},
		{"accuracy", s.Accuracy, cvFloors.accuracy},
		{"hesitant recall", s.Recall[h], cvFloors.hesitantRecall},
		{"strong_yes precision", s.Precision[sy], cvFloors.strongPrecision},
		{"strong_yes recall", s.Recall[sy], cvFloors.strongRecall},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s %.3f, below its floor %.3f", f.name, f.got, f.floor)
		}
	}
	if testing.Verbose() {
		for i, it := range r.items {
			if r.want[i] != r.got[i] {
				t.Logf("miss %s: %s -> %s (%.2f)", it.Path(), it.Label, corpus.Classes[r.got[i]], r.conf[i])
			}
		}
	}
}

// TestLeaveOneCorpusOut judges each corpus with a model trained on the
// others: other writers, other voices, the nearest the development data
// comes to a blind test (the cues were still written with every corpus in
// view, so it is NOT blind either).
func TestLeaveOneCorpusOut(t *testing.T) {
	r := crossValidated(t)
	s := corpus.Score(r.want, r.locoGot, r.locoUnsure)
	t.Logf("leave-one-corpus-out on %d development replies (not blind)\n%s", len(r.items), s)
	sy, h := corpus.ClassIndex("strong_yes"), corpus.ClassIndex("hesitant")
	if s.MacroF1 < cvFloors.macroF1 || s.Recall[h] < cvFloors.hesitantRecall || s.Precision[sy] < cvFloors.strongPrecision {
		t.Errorf("macro-F1 %.3f, hesitant recall %.3f, strong_yes precision %.3f: below the floors %.2f, %.2f, %.2f",
			s.MacroF1, s.Recall[h], s.Precision[sy], cvFloors.macroF1, cvFloors.hesitantRecall, cvFloors.strongPrecision)
	}
	for _, d := range corpus.Dev {
		var want, got []int
		for i, it := range r.items {
			if it.Dir == d {
				want, got = append(want, r.want[i]), append(got, r.locoGot[i])
			}
		}
		if len(want) > 0 {
			c := corpus.Score(want, got, nil)
			t.Logf("  %-28s %4d replies: accuracy %.3f, macro-F1 %.3f", d, len(want), c.Accuracy, c.MacroF1)
		}
	}
}

// cvFloors are the cross-validation floors.
var cvFloors = struct {
	macroF1, accuracy, hesitantRecall, strongPrecision, strongRecall float64
}{0.97, 0.97, 0.98, 0.98, 0.98}

// TestConfidenceMeansSomething checks the calibration on held-out
// (leave-one-corpus-out) predictions: below UnsureBelow errors are
// common, above it rare.
func TestConfidenceMeansSomething(t *testing.T) {
	r := crossValidated(t)
	var sure, sureWrong, unsure, unsureWrong int
	for i := range r.want {
		wrong := r.want[i] != r.locoGot[i]
		if r.locoUnsure[i] {
			unsure++
			if wrong {
				unsureWrong++
			}
		} else {
			sure++
			if wrong {
				sureWrong++
			}
		}
	}
	t.Logf("held out: %d sure results, %d wrong (%.1f%%); %d unsure, %d wrong (%.1f%%)",
		sure, sureWrong, pct(sureWrong, sure), unsure, unsureWrong, pct(unsureWrong, unsure))
	if pct(sureWrong, sure) > 3 {
		t.Errorf("%.1f%% of sure results are wrong; want at most 3%%", pct(sureWrong, sure))
	}
	if unsure > 0 && pct(unsureWrong, unsure) < 3*pct(sureWrong, sure) {
		t.Errorf("unsure results are wrong %.1f%% of the time, sure ones %.1f%%: the threshold separates nothing",
			pct(unsureWrong, unsure), pct(sureWrong, sure))
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// TestModelUpToDate retrains on the development corpora and compares the
// result with the embedded model: `go generate ./classify` must have run
// after any change to the cues or the corpora.
func TestModelUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes a few seconds")
	}
	items := loadDev(t)
	m, _ := corpus.Build(items)
	emb := model()
	if math.Abs(m.Temperature-emb.Temperature) > 0.051 {
		t.Errorf("temperature %.2f, embedded %.2f: run go generate ./classify", m.Temperature, emb.Temperature)
	}
	diff := 0
	for f, w := range m.Weights {
		e, ok := emb.Weights[f]
		if !ok {
			diff++
			continue
		}
		for k := range w {
			if math.Abs(w[k]-e[k]) > 2e-3 {
				diff++
				break
			}
		}
	}
	if diff > 0 || len(m.Weights) != len(emb.Weights) {
		t.Errorf("retrained model differs from the embedded one in %d of %d features (%d embedded): run go generate ./classify",
			diff, len(m.Weights), len(emb.Weights))
	}
}
