package keeper_test

import (
	"testing"

	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
)

// LastChange names what Undo would take back, and says when it no longer
// can: after the undo, and after the letter moved on.
func TestLastChangeIsWhatUndoTakesBack(t *testing.T) {
	f := setup(t, testenv.Options{})
	if _, ok, err := f.Keeper.LastChange(ctx, "nguyen"); err != nil || ok {
		t.Fatalf("before any change: ok=%v err=%v", ok, err)
	}
	f.sendAll("nguyen")
	if _, err := f.Keeper.Set(ctx, "nguyen", letters.Declined, keeper.ByDashboard); err != nil {
		t.Fatal(err)
	}
	c, ok, err := f.Keeper.LastChange(ctx, "nguyen")
	if err != nil || !ok || !c.Undoable || c.Undone || c.Event != "set" || c.To != letters.Declined || c.Actor != string(keeper.ByDashboard) {
		t.Fatalf("after set: ok=%v %+v %v", ok, c, err)
	}
	if _, err := f.Keeper.Undo(ctx, "nguyen", keeper.ByDashboard); err != nil {
		t.Fatal(err)
	}
	c, ok, _ = f.Keeper.LastChange(ctx, "nguyen")
	if !ok || c.Undoable || !c.Undone {
		t.Errorf("after undo: ok=%v %+v", ok, c)
	}
	if _, err := f.Keeper.Undo(ctx, "nguyen", keeper.ByDashboard); err == nil {
		t.Error("undo took back a change LastChange says it cannot")
	}

	// A change the letter has moved on from cannot be undone.
	if _, err := f.Keeper.Set(ctx, "smith", letters.Agreed, keeper.ByDashboard); err != nil {
		t.Fatal(err)
	}
	f.sendAll("smith") // the follow-up goes out: agreed -> waiting
	c, ok, _ = f.Keeper.LastChange(ctx, "smith")
	if !ok || c.Undoable || c.Undone {
		t.Errorf("after the letter moved on: ok=%v %+v", ok, c)
	}
	if _, err := f.Keeper.Undo(ctx, "smith", keeper.ByDashboard); err == nil {
		t.Error("undo took back a change LastChange says it cannot")
	}
	if _, _, err := f.Keeper.LastChange(ctx, "nobody"); err == nil {
		t.Error("no error for an unknown writer")
	}
}
