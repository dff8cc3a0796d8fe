package dashboard

import (
	"net/http"

	"github.com/lorkeeper/lorkeeper/keeper"
)

// assignPage is the plan of which letters go to which programs.
type assignPage struct {
	page
	Plans []keeper.ProgramPlan
	Max   int
}

// assign serves GET /assign: the plan, as a table per program.
func (s *Server) assign(w http.ResponseWriter, r *http.Request) {
	plans, err := s.k.Plan(r.Context())
	if err != nil {
		s.fail(w, r, statusOf(err), "The plan could not be made: "+sentence(err), err)
		return
	}
	p := assignPage{page: s.newPage(w, r, "Which letters go where"), Plans: plans, Max: keeper.MaxPerProgram}
	s.render(w, r, http.StatusOK, "assign", p)
}
