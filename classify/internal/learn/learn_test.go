package learn

import (
	"bytes"
	"testing"
)

func toy() []Example {
	return []Example{
		{Features: []string{"a", "x"}, Label: 0},
		{Features: []string{"a"}, Label: 0},
		{Features: []string{"b", "x"}, Label: 1},
		{Features: []string{"b"}, Label: 1, Weight: 2},
	}
}

func TestTrainSeparatesAndIsDeterministic(t *testing.T) {
	m1 := Train([]string{"p", "q"}, toy(), Options{Iterations: 200, Rate: 0.1})
	m2 := Train([]string{"p", "q"}, toy(), Options{Iterations: 200, Rate: 0.1})
	if !bytes.Equal(m1.Marshal(), m2.Marshal()) {
		t.Fatal("two trainings differ")
	}
	if Argmax(m1.Probs([]string{"a"})) != 0 || Argmax(m1.Probs([]string{"b"})) != 1 {
		t.Errorf("model does not separate the toy data: %s", m1.Marshal())
	}
	back, err := Unmarshal(m1.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Marshal(), m1.Marshal()) {
		t.Error("marshal round trip differs")
	}
}

func TestFitTemperature(t *testing.T) {
	// Confident logits that are right half the time want a high
	// temperature; right every time, a low one.
	logits := [][]float64{{5, 0}, {5, 0}, {5, 0}, {5, 0}}
	if got := FitTemperature(logits, []int{0, 1, 0, 1}); got < 4 {
		t.Errorf("temperature %.2f for coin-flip logits", got)
	}
	if got := FitTemperature(logits, []int{0, 0, 0, 0}); got > 0.5 {
		t.Errorf("temperature %.2f for always-right logits", got)
	}
}
