package cli

import (
	"context"

	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/dashboard"
)

// startDashboard serves the review page of a if its config asks for one
// ([dashboard] port; 0 is off). It returns at once; the page stops when
// ctx ends (the applicant stops or is reloaded).
func (c *cmd) startDashboard(ctx context.Context, a *daemon.Applicant) {
	port := a.Cfg.Dashboard.Port
	if port == 0 {
		return
	}
	token, err := dashboard.LoadToken(a.Cfg.State)
	if err != nil {
		a.Log.Error("dashboard not started", "err", err)
		return
	}
	s := dashboard.New(a.Keeper, token, a.Log)
	go func() {
		if err := dashboard.Serve(ctx, port, s, a.Log); err != nil {
			a.Log.Error("dashboard stopped", "err", err)
		}
	}()
}
