package keeper

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
)

// MaxPerProgram is how many letters a program receives at most.
const MaxPerProgram = 4

// ProgramPlan is which letters to assign to one program, best first.
type ProgramPlan struct {
	Program config.Program
	Letters []PlannedLetter
	Note    string // what is missing, in plain words
}

// PlannedLetter is one letter of a plan, and why it is there.
type PlannedLetter struct {
	ID, Writer, Label string
	State             string // requested | uploaded | assigned
	Why               string
}

// Plan proposes which letters go to which program (config [[program]]),
// at most MaxPerProgram each, following the guide: a specialty letter
// goes to specialty programs and a preliminary-year letter to
// preliminary programs (a general letter to either); for a
// research-heavy program the research mentor comes first, for a
// community program the strongest clinical letters (radiologists, US
// physicians); otherwise radiologists, then US physicians. Letters that
// will not come (declined, dropped) are left out; letters still to come
// are planned, marked as such.
func (k *Keeper) Plan(ctx context.Context) ([]ProgramPlan, error) {
	type cand struct {
		PlannedLetter
		w config.Writer
		l config.Letter
	}
	var cands []cand
	err := k.st.View(ctx, func(tx *store.Tx) error {
		for _, w := range k.cfg.Writers {
			l, err := letterOf(tx, w)
			if err != nil {
				return err
			}
			if l.State == letters.Declined || l.State == letters.Dropped {
				continue
			}
			ls, err := k.lettersTx(tx, w)
			if err != nil {
				return err
			}
			for _, x := range ls {
				if x.State == store.LetterDropped {
					continue
				}
				cands = append(cands, cand{PlannedLetter{ID: x.ID, Writer: w.Name, Label: x.Label(), State: x.State}, w, x.Letter})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var plans []ProgramPlan
	for _, p := range k.cfg.Programs {
		research := slices.Contains(p.Tags, "research") || slices.Contains(p.Tags, "academic")
		community := slices.Contains(p.Tags, "community")
		score := func(c cand) (int, string) {
			s, why := 0, []string{}
			if c.w.Role == "research" {
				if research {
					s += 40
					why = append(why, "research mentor, for a research-heavy program")
				} else {
					s -= 5
				}
			}
			if c.w.Radiologist() {
				s += 20
				why = append(why, "radiologist")
			}
			if c.w.US() {
				s += 10
				why = append(why, "US physician")
			}
			if c.w.Role == "clinical" {
				s += 5
				if community {
					s += 15
					why = append(why, "clinical letter, for a community program")
				}
			}
			if c.State != store.LetterRequested {
				s += 1 // in hand beats promised
			}
			return s, joinWords(why)
		}
		var fit []cand
		for _, c := range cands {
			ok := c.l.Kind == config.KindGeneral || c.l.Kind == p.Kind
			if ok {
				fit = append(fit, c)
			}
		}
		sort.SliceStable(fit, func(i, j int) bool {
			si, _ := score(fit[i])
			sj, _ := score(fit[j])
			return si > sj
		})
		plan := ProgramPlan{Program: p}
		for _, c := range fit {
			if len(plan.Letters) == MaxPerProgram {
				break
			}
			_, why := score(c)
			c.Why = why
			plan.Letters = append(plan.Letters, c.PlannedLetter)
		}
		if n := len(plan.Letters); n < 3 {
			plan.Note = fmt.Sprintf("only %d %s fit this program; programs ask for 3", n, plural(n, "letter", "letters"))
		}
		plans = append(plans, plan)
	}
	return plans, nil
}

func joinWords(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	out := ws[0]
	for _, w := range ws[1:] {
		out += ", " + w
	}
	return out
}
