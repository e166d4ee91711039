package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
	"github.com/backload/backload/importer"
	"github.com/backload/backload/sqlstore"
)

// settingsPages are the account settings (units, password, tokens, coach
// invites, export, deletion) and the invite link a coach opens.
func (s *Server) settingsPages() []route {
	return []route{
		page("GET", "/settings", signedIn, s.settingsPage),
		page("POST", "/settings/preferences", signedIn, s.settingsPreferences),
		page("POST", "/settings/password", signedIn, s.settingsPassword),
		page("POST", "/settings/tokens", signedIn, s.settingsTokenCreate),
		page("POST", "/settings/tokens/{id}/revoke", signedIn, s.settingsTokenRevoke),
		page("POST", "/settings/invites", signedIn, s.settingsInviteCreate),
		page("POST", "/settings/invites/{id}/revoke", signedIn, s.settingsInviteRevoke),
		page("GET", "/settings/export", signedIn, s.settingsExport),
		page("POST", "/settings/delete", signedIn, s.settingsDelete),
		page("GET", "/invite/{token}", public, s.invitePage),
		page("POST", "/invite/{token}", public, s.inviteAccept),
	}
}

// commonZones are offered in the time zone list; any other IANA name can
// be typed.
var commonZones = []string{
	"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Madrid", "Europe/Paris",
	"Europe/Amsterdam", "Europe/Berlin", "Europe/Zurich", "Europe/Rome", "Europe/Stockholm",
	"Europe/Warsaw", "Europe/Athens", "Europe/Helsinki", "Europe/Istanbul", "Europe/Moscow",
	"Africa/Lagos", "Africa/Cairo", "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata",
	"Asia/Bangkok", "Asia/Singapore", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Seoul", "Asia/Tokyo",
	"Australia/Perth", "Australia/Brisbane", "Australia/Adelaide", "Australia/Sydney", "Pacific/Auckland",
	"Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Vancouver", "America/Denver",
	"America/Phoenix", "America/Chicago", "America/Mexico_City", "America/New_York", "America/Toronto",
	"America/Halifax", "America/St_Johns", "America/Bogota", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
}

// settingsPrefs are the preference form's values as typed.
type settingsPrefs struct {
	Units     string
	PlateStep string
	Zone      string // the list's choice; "" for another zone
	OtherZone string
}

// oneTime is a secret shown once: a new token or invite link.
type oneTime struct {
	Name  string
	Value string
}

type settingsData struct {
	Prefs          settingsPrefs
	Zones          []string
	StepKg, StepLb float64
	MinPassword    int
	Tokens         []sqlstore.APIToken
	Invites        []sqlstore.Invite
	TokenName      string
	InviteNote     string
	NewToken       *oneTime
	NewInvite      *oneTime
}

// settingsFields names each form field in messages.
var settingsFields = map[string]string{
	"units": "Units", "plate_step": "Plate step", "time_zone": "Time zone", "current": "Current password",
	"new": "New password", "name": "Token name", "note": "Note", "password": "Password",
}

func prefsOf(u backload.User) settingsPrefs {
	p := settingsPrefs{Units: string(u.Units), PlateStep: num(u.PlateStep), Zone: u.TimeZone}
	if !slices.Contains(commonZones, u.TimeZone) {
		p.Zone, p.OtherZone = "", u.TimeZone
	}
	return p
}

// settingsData gathers what the settings page shows.
func (s *Server) settingsData(r *http.Request, c *call) (settingsData, error) {
	d := settingsData{Prefs: prefsOf(c.user), Zones: commonZones, MinPassword: auth.MinPasswordLen,
		StepKg: s.cfg.Policy.DefaultPlateStepKg, StepLb: s.cfg.Policy.DefaultPlateStepLb}
	var err error
	if d.Tokens, err = s.db.APITokens(r.Context(), c.user.ID); err != nil {
		return d, err
	}
	d.Invites, err = s.db.Invites(r.Context(), c.user.ID)
	return d, err
}

func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request, c *call) error {
	d, err := s.settingsData(r, c)
	if err != nil {
		return err
	}
	return s.renderSettings(w, r, http.StatusOK, d, "")
}

func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, status int, d settingsData, flash string) error {
	return s.render(w, r, status, "settings", view{Title: "Settings", Nav: "settings", Data: d, Flash: flash})
}

// settingsProblem re-renders the settings page with a form's problem next
// to its field; edit puts the submitted values back into the form.
func (s *Server) settingsProblem(w http.ResponseWriter, r *http.Request, c *call, err error, edit func(*settingsData)) error {
	var e *backload.Error
	if !errors.As(err, &e) || e.Code == backload.EINTERNAL || e.Code == backload.EUNAUTHORIZED {
		return err
	}
	d, derr := s.settingsData(r, c)
	if derr != nil {
		return derr
	}
	if edit != nil {
		edit(&d)
	}
	msg := e.Message
	if label, ok := settingsFields[e.Field]; ok {
		msg = label + " " + msg
	} else if e.Field != "" {
		msg = e.Field + ": " + msg
	}
	return s.render(w, r, statusOf(e.Code), "settings", view{Title: "Settings", Nav: "settings", Data: d, Error: msg, Field: e.Field})
}

// checkSettings holds the same rules as PATCH /api/v1/account.
func checkSettings(u backload.User) error {
	switch {
	case !u.Units.Valid():
		return backload.FieldErrorf("units", "must be kg or lb, got %q", u.Units)
	case u.PlateStep < 0 || u.PlateStep > 50:
		return backload.FieldErrorf("plate_step", "must be between 0 (the default) and 50, got %v", u.PlateStep)
	}
	if _, err := time.LoadLocation(u.TimeZone); err != nil || u.TimeZone == "" || u.TimeZone == "Local" {
		return backload.FieldErrorf("time_zone", "%q is not a zone name we know: use one such as Europe/Berlin", u.TimeZone)
	}
	return nil
}

func (s *Server) settingsPreferences(w http.ResponseWriter, r *http.Request, c *call) error {
	p := settingsPrefs{Units: r.PostFormValue("units"), PlateStep: strings.TrimSpace(r.PostFormValue("plate_step")),
		Zone: r.PostFormValue("time_zone"), OtherZone: strings.TrimSpace(r.PostFormValue("time_zone_other"))}
	u := c.user
	u.Units, u.TimeZone = backload.Unit(p.Units), p.Zone
	if p.OtherZone != "" {
		u.TimeZone = p.OtherZone
	}
	var err error
	if p.PlateStep != "" {
		if u.PlateStep, err = strconv.ParseFloat(strings.Replace(p.PlateStep, ",", ".", 1), 64); err != nil {
			err = backload.FieldErrorf("plate_step", "must be a number such as 2.5, or 0 for the default")
		}
	} else {
		u.PlateStep = 0
	}
	if err == nil {
		err = checkSettings(u)
	}
	if err == nil {
		err = s.db.UpdateSettings(r.Context(), u)
	}
	if err != nil {
		return s.settingsProblem(w, r, c, err, func(d *settingsData) { d.Prefs = p })
	}
	msg := "Settings saved."
	if u.Units != c.user.Units && u.PlateStep != 0 {
		msg += fmt.Sprintf(" Your plate step is now %s %s: check that it matches your plates.", num(u.PlateStep), u.Units)
	}
	return redirect(w, r, "/settings", msg)
}

// settingsPassword changes the password with the same checks as the API,
// and keeps this log-in while ending every other.
func (s *Server) settingsPassword(w http.ResponseWriter, r *http.Request, c *call) error {
	current, next := r.PostFormValue("current"), r.PostFormValue("new")
	err := s.confirmPassword(r, c, "current", current, "is wrong: your password was not changed")
	if err == nil {
		err = checkNewPassword("new", next)
	}
	if err != nil {
		return s.settingsProblem(w, r, c, err, nil)
	}
	hash, err := auth.Hash(next, s.cfg.Passwords)
	if err != nil {
		return err
	}
	if err := s.db.SetPasswordHash(r.Context(), c.user.ID, hash, c.session); err != nil {
		return err
	}
	return redirect(w, r, "/settings", "Password changed. Any other device that was logged in needs to log in again.")
}

// confirmPassword checks the signed-in user's password under the log-in
// limits; an empty one is refused before it counts as a failed log-in.
func (s *Server) confirmPassword(r *http.Request, c *call, field, password, wrong string) error {
	if password == "" {
		return backload.FieldErrorf(field, "is required")
	}
	_, err := s.checkPassword(r, c.user.Email, password)
	if backload.ErrorCode(err) == backload.EUNAUTHORIZED {
		return backload.FieldErrorf(field, "%s", wrong)
	}
	return err
}

func (s *Server) settingsTokenCreate(w http.ResponseWriter, r *http.Request, c *call) error {
	name := strings.TrimSpace(r.PostFormValue("name"))
	keep := func(d *settingsData) { d.TokenName = name }
	if len(name) > 100 {
		return s.settingsProblem(w, r, c, backload.FieldErrorf("name", "must be at most 100 characters"), keep)
	}
	if name == "" {
		name = "token " + time.Now().In(c.user.Location()).Format("2006-01-02 15:04")
	}
	token, hash, err := auth.NewToken(tokenPrefix)
	if err != nil {
		return err
	}
	if _, err := s.db.CreateAPIToken(r.Context(), c.user.ID, name, hash); err != nil {
		return err
	}
	d, err := s.settingsData(r, c)
	if err != nil {
		return err
	}
	d.NewToken = &oneTime{Name: name, Value: token}
	return s.renderSettings(w, r, http.StatusOK, d, "Token created.")
}

func (s *Server) settingsTokenRevoke(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.db.DeleteAPIToken(r.Context(), c.user.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/settings", "Token revoked: anything using it can no longer reach your data.")
}

func (s *Server) settingsInviteCreate(w http.ResponseWriter, r *http.Request, c *call) error {
	note := strings.TrimSpace(r.PostFormValue("note"))
	if len(note) > 200 {
		return s.settingsProblem(w, r, c, backload.FieldErrorf("note", "must be at most 200 characters"),
			func(d *settingsData) { d.InviteNote = note })
	}
	token, hash, err := auth.NewToken("inv_")
	if err != nil {
		return err
	}
	if _, err := s.db.CreateInvite(r.Context(), c.user.ID, hash, note); err != nil {
		return err
	}
	d, err := s.settingsData(r, c)
	if err != nil {
		return err
	}
	scheme := "http"
	if s.isTLS(r) {
		scheme = "https"
	}
	d.NewInvite = &oneTime{Name: note, Value: scheme + "://" + r.Host + "/invite/" + token}
	return s.renderSettings(w, r, http.StatusOK, d, "Invite link created.")
}

func (s *Server) settingsInviteRevoke(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.db.RevokeInvite(r.Context(), c.user.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/settings", "Invite revoked: that coach no longer sees your data.")
}

// settingsExport downloads everything as the JSON export (the same as the
// API's), or the sets as CSV in the user's local time.
func (s *Server) settingsExport(w http.ResponseWriter, r *http.Request, c *call) error {
	if r.URL.Query().Get("format") != "csv" {
		return s.export(w, r, c)
	}
	sessions, err := s.db.Sessions(r.Context(), c.subject.ID, sqlstore.SessionFilter{})
	if err != nil {
		return err
	}
	loc := c.subject.Location()
	for i := range sessions {
		sessions[i].StartedAt = sessions[i].StartedAt.In(loc)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="backload-sets.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	return importer.WriteCSV(w, sessions)
}

func (s *Server) settingsDelete(w http.ResponseWriter, r *http.Request, c *call) error {
	err := s.confirmPassword(r, c, "password", r.PostFormValue("password"), "is wrong: your account was not deleted")
	if err != nil {
		return s.settingsProblem(w, r, c, err, nil)
	}
	if err := s.db.DeleteUser(r.Context(), c.user.ID); err != nil {
		return err
	}
	if err := s.endSession(w, r, ""); err != nil {
		return err
	}
	to := "/login"
	if empty, err := s.db.IsEmpty(r.Context()); err == nil && empty {
		to = "/welcome"
	}
	return redirect(w, r, to, "Your account and all its training data are deleted.")
}

// inviteData is what the invite page shows. State is one of: gone (unknown
// or revoked), visitor (not signed in), own (the lifter's own link), lifter
// (a lifter account cannot accept), taken (another coach accepted it),
// accepted (this coach already coaches the lifter) and ask.
type inviteData struct {
	Token  string
	State  string
	Lifter string // the lifter's email, only for a coach who may accept
	Login  string
	Signup string
}

func (s *Server) inviteState(r *http.Request, c *call) (inviteData, int, error) {
	token := r.PathValue("token")
	next := url.QueryEscape("/invite/" + token)
	d := inviteData{Token: token, Login: "/login?next=" + next, Signup: "/signup?role=coach&next=" + next}
	lifter, coachID, err := s.db.InviteByToken(r.Context(), auth.HashToken(token))
	switch {
	case backload.ErrorCode(err) == backload.ENOTFOUND:
		d.State = "gone"
		return d, http.StatusNotFound, nil
	case err != nil:
		return d, 0, err
	case c.user.ID == 0:
		d.State = "visitor"
	case c.user.ID == lifter.ID:
		d.State = "own"
	case c.user.Role != backload.Coach:
		d.State = "lifter"
		return d, http.StatusForbidden, nil
	case coachID == c.user.ID:
		d.State, d.Lifter = "accepted", lifter.Email
	case coachID != 0:
		d.State = "taken"
		return d, http.StatusConflict, nil
	default:
		d.State, d.Lifter = "ask", lifter.Email
	}
	return d, http.StatusOK, nil
}

func (s *Server) invitePage(w http.ResponseWriter, r *http.Request, c *call) error {
	d, status, err := s.inviteState(r, c)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "invite", view{Title: "Coach invite", Data: d})
}

func (s *Server) inviteAccept(w http.ResponseWriter, r *http.Request, c *call) error {
	d, status, err := s.inviteState(r, c)
	switch {
	case err != nil:
		return err
	case d.State == "visitor":
		http.Redirect(w, r, d.Login, http.StatusSeeOther)
		return nil
	case d.State != "ask" && d.State != "accepted":
		return s.render(w, r, status, "invite", view{Title: "Coach invite", Data: d})
	}
	lifter, err := s.db.AcceptInvite(r.Context(), c.user.ID, auth.HashToken(d.Token))
	if err != nil {
		return s.formError(w, r, "invite", view{Title: "Coach invite", Data: d}, err)
	}
	return redirect(w, r, "/coach", "You now coach "+lifter.Email+".")
}
