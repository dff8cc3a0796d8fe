package summarypdf

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

const sample = "Amara Okafor\nDiagnostic Radiology residency, ERAS 2027. AAMC ID 14598237\nPrepared for Dr. Jane Smith\n\n" +
	"OUR WORK TOGETHER\n- CT chest rotation, Example University Hospital\n- Dates: June 1–28, 2026 (4 weeks)\n\n" +
	"WHAT I DID\n- Presented three cases at noon conference, including one on Łódź-style trauma imaging by Dr. Ştefan Ionescu\n"

func TestRenderIsAPDFAndDeterministic(t *testing.T) {
	a, err := Render(sample)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Render(sample)
	if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Equal(a, b) {
		t.Fatalf("not a deterministic PDF (%d and %d bytes)", len(a), len(b))
	}
	if len(a) > 200<<10 {
		t.Errorf("summary PDF is %d bytes", len(a))
	}
	// Where pdftotext is installed, the words (with their accents) are in it.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing: scripts/test installs poppler-utils")
		}
		t.Skip("pdftotext not installed (Debian: poppler-utils): the PDF's text not checked")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(a)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Amara Okafor", "Our work together", "June 1–28, 2026", "Łódź", "Ştefan"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, out)
		}
	}
}

func TestHeadings(t *testing.T) {
	for l, want := range map[string]bool{"OUR WORK TOGETHER": true, "- A bullet": false, "AAMC ID 14598237 for Dr. X": false, "OK": false} {
		if isHeading(l) != want {
			t.Errorf("isHeading(%q) = %v", l, !want)
		}
	}
}
