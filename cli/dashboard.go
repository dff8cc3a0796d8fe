package cli

import (
	"context"

	"github.com/lorkeeper/lorkeeper/daemon"
)

// startDashboard serves the review page of a if its config asks for one.
func (c *cmd) startDashboard(ctx context.Context, a *daemon.Applicant) {}
