package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/backload/backload"
)

func (s *Server) accountPages() []route {
	return []route{
		page("GET", "/{$}", public, s.home),
		page("GET", "/welcome", public, s.welcomePage),
		page("POST", "/welcome", public, s.welcomeSubmit),
		page("GET", "/signup", public, s.signupPage),
		page("POST", "/signup", public, s.signupSubmit),
		page("GET", "/login", public, s.loginPage),
		page("POST", "/login", public, s.loginSubmit),
		page("POST", "/logout", signedIn, s.logoutSubmit),
	}
}

// home sends visitors where they belong: the first-run page on a fresh
// installation, today's page when signed in, else the log-in page.
func (s *Server) home(w http.ResponseWriter, r *http.Request, c *call) error {
	switch {
	case c.user.ID != 0:
		return redirect(w, r, "/today", "")
	}
	empty, err := s.db.IsEmpty(r.Context())
	if err != nil {
		return err
	}
	if empty {
		return redirect(w, r, "/welcome", "")
	}
	return redirect(w, r, "/login", "")
}

type accountForm struct {
	Email string
	Role  string
	Next  string
	First bool // the first account on this installation
}

func (s *Server) welcomePage(w http.ResponseWriter, r *http.Request, c *call) error {
	empty, err := s.db.IsEmpty(r.Context())
	if err != nil {
		return err
	}
	if !empty {
		return redirect(w, r, "/login", "")
	}
	return s.render(w, r, http.StatusOK, "signup", view{Title: "Welcome", Data: accountForm{First: true, Role: "lifter"}})
}

func (s *Server) welcomeSubmit(w http.ResponseWriter, r *http.Request, c *call) error {
	empty, err := s.db.IsEmpty(r.Context())
	if err != nil {
		return err
	}
	if !empty {
		return redirect(w, r, "/login", "")
	}
	return s.signupSubmit(w, r, c)
}

func (s *Server) signupPage(w http.ResponseWriter, r *http.Request, c *call) error {
	role := "lifter"
	if r.URL.Query().Get("role") == "coach" {
		role = "coach" // an invite link sends coaches here
	}
	return s.render(w, r, http.StatusOK, "signup", view{Title: "Create an account", Data: accountForm{Role: role, Next: safeNext(r.URL.Query().Get("next"))}})
}

func (s *Server) signupSubmit(w http.ResponseWriter, r *http.Request, c *call) error {
	form := accountForm{Email: r.PostFormValue("email"), Role: r.PostFormValue("role"), Next: safeNext(r.PostFormValue("next"))}
	u, err := s.createAccount(r, form.Email, r.PostFormValue("password"), backload.Role(form.Role))
	if err != nil {
		return s.formError(w, r, "signup", view{Title: "Create an account", Data: form}, err)
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	if form.Next != "" {
		return redirect(w, r, form.Next, "")
	}
	return redirect(w, r, "/today", "Welcome to Backload. Start with today's check-in.")
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request, c *call) error {
	if c.user.ID != 0 {
		return redirect(w, r, "/today", "")
	}
	return s.render(w, r, http.StatusOK, "login", view{Title: "Log in", Data: accountForm{Next: safeNext(r.URL.Query().Get("next"))}})
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request, c *call) error {
	form := accountForm{Email: r.PostFormValue("email"), Next: safeNext(r.PostFormValue("next"))}
	u, err := s.checkPassword(r, form.Email, r.PostFormValue("password"))
	if err != nil {
		return s.formError(w, r, "login", view{Title: "Log in", Data: form}, err)
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	if form.Next != "" {
		return redirect(w, r, form.Next, "")
	}
	return redirect(w, r, "/today", "")
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request, c *call) error {
	if err := s.endSession(w, r, c.session); err != nil {
		return err
	}
	return redirect(w, r, "/login", "You are logged out.")
}

// safeNext keeps a post-log-in redirect on this site: a path, never
// another host.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || next == "" || u.IsAbs() || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return ""
	}
	return next
}
