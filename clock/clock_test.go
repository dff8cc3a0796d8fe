package clock

import (
	"context"
	"testing"
	"time"
)

var t0 = time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC)

func TestFakeTimersFireInOrderWhenDue(t *testing.T) {
	f := NewFake(t0)
	a, b := f.NewTimer(time.Minute), f.NewTimer(time.Hour)
	f.Advance(59 * time.Second)
	select {
	case <-a.C():
		t.Fatal("fired early")
	default:
	}
	f.Advance(time.Second)
	if got := <-a.C(); !got.Equal(t0.Add(time.Minute)) {
		t.Errorf("fired at %v", got)
	}
	if f.Timers() != 1 {
		t.Errorf("%d timers waiting, want 1", f.Timers())
	}
	if !b.Stop() || b.Stop() {
		t.Error("Stop should report true once")
	}
	f.Advance(2 * time.Hour)
	select {
	case <-b.C():
		t.Fatal("a stopped timer fired")
	default:
	}
}

func TestFakeResetAndWaitTimers(t *testing.T) {
	f := NewFake(t0)
	done := make(chan struct{})
	go func() {
		tm := f.NewTimer(time.Hour)
		<-tm.C()
		tm.Reset(time.Hour)
		<-tm.C()
		close(done)
	}()
	if !f.WaitTimers(1, nil) {
		t.Fatal("no timer")
	}
	f.Advance(time.Hour)
	if !f.WaitTimers(1, nil) {
		t.Fatal("no timer after reset")
	}
	f.Advance(time.Hour)
	<-done
}

func TestSleepCancels(t *testing.T) {
	f := NewFake(t0)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error)
	go func() { errc <- Sleep(ctx, f, time.Hour) }()
	f.WaitTimers(1, nil)
	cancel()
	if err := <-errc; err != context.Canceled {
		t.Fatalf("Sleep returned %v", err)
	}
}

func TestWakesReportsAJumpNotATick(t *testing.T) {
	f := NewFake(t0)
	w := NewWakes(f, 30*time.Second, time.Minute)
	ch, unsub := w.Subscribe()
	defer unsub()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.Run(ctx)
	for i := 0; i < 5; i++ { // ordinary ticks are no wake
		f.WaitTimers(1, nil)
		f.Advance(30 * time.Second)
	}
	f.WaitTimers(1, nil)
	select {
	case <-ch:
		t.Fatal("woke on ordinary ticks")
	default:
	}
	f.Advance(7 * 24 * time.Hour) // the lid was closed for a week
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal("no wake after a 7-day jump")
	}
}

func TestNilWakesNeverFires(t *testing.T) {
	var w *Wakes
	ch, unsub := w.Subscribe()
	defer unsub()
	select {
	case <-ch:
		t.Fatal("fired")
	default:
	}
}
