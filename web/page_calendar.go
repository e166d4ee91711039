package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
	"github.com/backload/backload/report"
)

// calendarRoutes serve the return plan as a calendar a phone subscribes to.
func (s *Server) calendarRoutes() []route {
	// Public, since a calendar app sends no cookie and no Authorization
	// header: the personal API token in the URL is the credential.
	return []route{{method: "GET", pattern: "/calendar.ics", access: public, handle: s.calendar}}
}

// calendar answers GET /calendar.ics?token=TOKEN: the weeks of the return
// plan running today as all-day events (RFC 5545), or a calendar without
// events when no return runs, so that a subscription stays valid between
// flares. A missing, unknown or revoked token answers 401 and says nothing
// of any account.
func (s *Server) calendar(w http.ResponseWriter, r *http.Request, c *call) error {
	token := r.URL.Query().Get("token")
	if token == "" {
		return backload.Errorf(backload.EUNAUTHORIZED, "add ?token= with a personal API token (create one in Settings)")
	}
	u, err := s.db.UserByAPIToken(r.Context(), auth.HashToken(token))
	if backload.ErrorCode(err) == backload.EUNAUTHORIZED || backload.ErrorCode(err) == backload.ENOTFOUND {
		return backload.Errorf(backload.EUNAUTHORIZED, "the token is not valid: it may have been revoked")
	}
	if err != nil {
		return err
	}
	plan, _, err := s.todayPlan(r, u, "")
	switch code := backload.ErrorCode(err); {
	case err != nil && code != backload.EINVALID && code != backload.ENOTFOUND:
		return err
	case err != nil || plan.Ramp == nil:
		plan.Ramp = &backload.RampResponse{} // no check-in yet, or no return: no events
	}
	units := u.Units
	if plan.RampRequest != nil && plan.RampRequest.Units != "" {
		units = plan.RampRequest.Units
	}
	cal, err := report.RampCalendar(*plan.Ramp, units, fmt.Sprintf("u%d", u.ID), time.Now())
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `inline; filename="backload-return-plan.ics"`)
	// The URL carries a credential and the plan is health data: no cache
	// on the way may keep it.
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	// The header is sent: a client that went away cannot be answered again.
	report.WriteICS(w, cal)
	return nil
}
