package web

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
)

// sessionCookie names the log-in cookie.
const sessionCookie = "backload_session"

// tokenPrefix starts every personal API token, so a leaked one is easy to
// recognise in logs and scanners.
const tokenPrefix = "bl_"

// authenticate finds the signed-in user from a bearer token or the log-in
// cookie, and returns the cookie's session hash (empty for tokens). It
// returns EUNAUTHORIZED when there is neither, or it is not valid.
func (s *Server) authenticate(r *http.Request) (backload.User, string, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || token == "" {
			return backload.User{}, "", backload.Errorf(backload.EUNAUTHORIZED, "use an Authorization header of the form 'Bearer TOKEN'")
		}
		u, err := s.db.UserByAPIToken(r.Context(), auth.HashToken(strings.TrimSpace(token)))
		return u, "", err
	}
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		hash := auth.HashToken(c.Value)
		u, err := s.db.UserBySession(r.Context(), hash)
		return u, hash, err
	}
	return backload.User{}, "", backload.Errorf(backload.EUNAUTHORIZED, "sign in, or send an API token as 'Authorization: Bearer TOKEN'")
}

// coachedLifter returns the lifter named by {lifter} in the path when the
// signed-in user coaches them. Anyone else gets ENOTFOUND, the same answer
// as for a lifter who does not exist, so ids reveal nothing.
func (s *Server) coachedLifter(r *http.Request, coach backload.User) (backload.User, error) {
	id, err := strconv.ParseInt(r.PathValue("lifter"), 10, 64)
	notFound := backload.Errorf(backload.ENOTFOUND, "lifter not found")
	if err != nil {
		return backload.User{}, notFound
	}
	ok, err := s.db.Coaches(r.Context(), coach.ID, id)
	if err != nil {
		return backload.User{}, err
	}
	if !ok {
		return backload.User{}, notFound
	}
	return s.db.UserByID(r.Context(), id)
}

// startSession logs the user in: a new session row and its cookie.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u backload.User) error {
	token, hash, err := auth.NewToken("s_")
	if err != nil {
		return err
	}
	if err := s.db.CreateAuthSession(r.Context(), hash, u.ID, s.cfg.SessionTTL); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.isTLS(r), Expires: time.Now().Add(s.cfg.SessionTTL),
	})
	return nil
}

// endSession logs out: the session row goes and the cookie is cleared.
func (s *Server) endSession(w http.ResponseWriter, r *http.Request, hash string) error {
	if hash != "" {
		if err := s.db.DeleteAuthSession(r.Context(), hash); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.isTLS(r)})
	return nil
}

// isTLS reports whether the client reached us over TLS, directly or, when
// the proxy is trusted, through it.
func (s *Server) isTLS(r *http.Request) bool {
	return r.TLS != nil || s.cfg.TrustProxy && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// clientAddr is the address log-in limits count against.
func (s *Server) clientAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if fwd := r.Header.Get("X-Forwarded-For"); fwd != "" {
			first, _, _ := strings.Cut(fwd, ",")
			return strings.TrimSpace(first)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// checkPassword verifies a log-in under the rate limits: after too many
// failures for the account or the address it answers ETOOMANY without
// looking at the password. An unknown email costs as much time as a known
// one and fails the same way.
func (s *Server) checkPassword(r *http.Request, email, password string) (backload.User, error) {
	ctx := r.Context()
	keys := []string{"email:" + strings.ToLower(strings.TrimSpace(email)), "addr:" + s.clientAddr(r)}
	wait, err := s.db.LoginBlocked(ctx, keys, []int{s.cfg.LoginFailuresPerAccount, s.cfg.LoginFailuresPerAddress}, s.cfg.LoginWindow)
	if err != nil {
		return backload.User{}, err
	}
	if wait > 0 {
		return backload.User{}, retryAfter{backload.Errorf(backload.ETOOMANY,
			"too many failed log-ins: try again in %d minutes", int(wait.Minutes())+1), wait}
	}
	u, hash, err := s.db.PasswordHash(ctx, email)
	switch {
	case backload.ErrorCode(err) == backload.ENOTFOUND:
		err = auth.CheckDummy(password)
	case err != nil:
		return backload.User{}, err
	case hash == "":
		err = auth.CheckDummy(password) // an account made on the command line has no password
	default:
		err = auth.Check(password, hash)
	}
	if err != nil {
		if err := s.db.RecordLoginFailure(ctx, keys, s.cfg.LoginWindow); err != nil {
			return backload.User{}, err
		}
		return backload.User{}, backload.Errorf(backload.EUNAUTHORIZED, "that email and password do not match an account")
	}
	return u, s.db.ClearLoginFailures(ctx, keys[0])
}
