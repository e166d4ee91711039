package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
	"github.com/backload/backload/sqlstore"
)

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// checkNewPassword enforces the password rules on sign-up and change.
func checkNewPassword(field, p string) error {
	switch {
	case len(p) < auth.MinPasswordLen:
		return backload.FieldErrorf(field, "must be at least %d characters", auth.MinPasswordLen)
	case len(p) > auth.MaxPasswordLen:
		return backload.FieldErrorf(field, "must be at most %d characters", auth.MaxPasswordLen)
	}
	return nil
}

// createAccount adds an account with a password; pages and the API share it.
func (s *Server) createAccount(r *http.Request, email, password string, role backload.Role) (backload.User, error) {
	if _, err := sqlstore.NormalizeEmail(email); err != nil {
		return backload.User{}, err
	}
	if err := checkNewPassword("password", password); err != nil {
		return backload.User{}, err
	}
	if role == "" {
		role = backload.Lifter
	}
	if role != backload.Lifter && role != backload.Coach {
		return backload.User{}, backload.FieldErrorf("role", "must be lifter or coach, got %q", role)
	}
	hash, err := auth.Hash(password, s.cfg.Passwords)
	if err != nil {
		return backload.User{}, err
	}
	return s.db.CreateUser(r.Context(), backload.User{Email: email, Role: role}, hash)
}

func (s *Server) signup(w http.ResponseWriter, r *http.Request, c *call) error {
	var in struct {
		credentials
		Role backload.Role `json:"role"`
	}
	if err := decodeJSON(w, r, s.cfg.MaxBodyBytes, &in); err != nil {
		return err
	}
	u, err := s.createAccount(r, in.Email, in.Password, in.Role)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, u)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, c *call) error {
	var in credentials
	if err := decodeJSON(w, r, s.cfg.MaxBodyBytes, &in); err != nil {
		return err
	}
	u, err := s.checkPassword(r, in.Email, in.Password)
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, u)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, c *call) error {
	if err := s.endSession(w, r, c.session); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// createToken makes a personal API token: for the signed-in user, or for
// the account whose email and password the body carries.
func (s *Server) createToken(w http.ResponseWriter, r *http.Request, c *call) error {
	var in struct {
		credentials
		Name string `json:"name"`
	}
	if err := decodeJSON(w, r, s.cfg.MaxBodyBytes, &in); err != nil {
		return err
	}
	u := c.user
	if in.Email != "" || in.Password != "" || u.ID == 0 {
		var err error
		if u, err = s.checkPassword(r, in.Email, in.Password); err != nil {
			return err
		}
	}
	if len(in.Name) > 100 {
		return backload.FieldErrorf("name", "must be at most 100 characters")
	}
	if in.Name == "" {
		in.Name = "token " + time.Now().UTC().Format("2006-01-02 15:04")
	}
	token, hash, err := auth.NewToken(tokenPrefix)
	if err != nil {
		return err
	}
	t, err := s.db.CreateAPIToken(r.Context(), u.ID, in.Name, hash)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, struct {
		Token string `json:"token"`
		sqlstore.APIToken
	}{token, t})
}

func (s *Server) listTokens(w http.ResponseWriter, r *http.Request, c *call) error {
	list, err := s.db.APITokens(r.Context(), c.user.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"tokens": list})
}

func (s *Server) deleteToken(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.db.DeleteAPIToken(r.Context(), c.user.ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) getAccount(w http.ResponseWriter, r *http.Request, c *call) error {
	return writeJSON(w, http.StatusOK, c.user)
}

// updateAccount changes units, plate step and time zone; fields left out
// keep their value.
func (s *Server) updateAccount(w http.ResponseWriter, r *http.Request, c *call) error {
	var in struct {
		Units     *backload.Unit `json:"units"`
		PlateStep *float64       `json:"plate_step"`
		TimeZone  *string        `json:"time_zone"`
	}
	if err := decodeJSON(w, r, s.cfg.MaxBodyBytes, &in); err != nil {
		return err
	}
	u := c.user
	if in.Units != nil {
		if !in.Units.Valid() {
			return backload.FieldErrorf("units", "must be kg or lb, got %q", *in.Units)
		}
		u.Units = *in.Units
	}
	if in.PlateStep != nil {
		if *in.PlateStep < 0 || *in.PlateStep > 50 {
			return backload.FieldErrorf("plate_step", "must be between 0 (the default) and 50, got %v", *in.PlateStep)
		}
		u.PlateStep = *in.PlateStep
	}
	if in.TimeZone != nil {
		if _, err := time.LoadLocation(*in.TimeZone); err != nil || *in.TimeZone == "" || *in.TimeZone == "Local" {
			return backload.FieldErrorf("time_zone", "unknown time zone %q (use a name such as Europe/Berlin)", *in.TimeZone)
		}
		u.TimeZone = *in.TimeZone
	}
	if err := s.db.UpdateSettings(r.Context(), u); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, u)
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, c *call) error {
	var in struct {
		Current string `json:"current"`
		New     string `json:"new"`
	}
	if err := decodeJSON(w, r, s.cfg.MaxBodyBytes, &in); err != nil {
		return err
	}
	if _, err := s.checkPassword(r, c.user.Email, in.Current); err != nil {
		if backload.ErrorCode(err) == backload.EUNAUTHORIZED {
			return backload.FieldErrorf("current", "is not your current password")
		}
		return err
	}
	if err := checkNewPassword("new", in.New); err != nil {
		return err
	}
	hash, err := auth.Hash(in.New, s.cfg.Passwords)
	if err != nil {
		return err
	}
	if err := s.db.SetPasswordHash(r.Context(), c.user.ID, hash, c.session); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// deleteAccount removes the account with all its data, after the password
// confirms it.
func (s *Server) deleteAccount(w http.ResponseWriter, r *http.Request, c *call) error {
	var in struct {
		Password string `json:"password"`
	}
	if err := decodeJSON(w, r, s.cfg.MaxBodyBytes, &in); err != nil {
		return err
	}
	if _, err := s.checkPassword(r, c.user.Email, in.Password); err != nil {
		if backload.ErrorCode(err) == backload.EUNAUTHORIZED {
			return backload.FieldErrorf("password", "is not your password: the account was not deleted")
		}
		return err
	}
	if err := s.db.DeleteUser(r.Context(), c.user.ID); err != nil {
		return err
	}
	s.endSession(w, r, "")
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// pathID reads a numeric id from the path; anything else is not found.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, backload.Errorf(backload.ENOTFOUND, "%s %q not found", name, r.PathValue(name))
	}
	return id, nil
}
