package web

import (
	"net/http"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/report"
)

// getProgress answers GET /api/v1/progress (and a coach's
// /api/v1/lifters/{lifter}/progress): every series of the progress page
// over ?from=&to= or ?range=, as the Progress schema of openapi.json.
func (s *Server) getProgress(w http.ResponseWriter, r *http.Request, c *call) error {
	rng, err := parseRange(r, c.subject)
	if err != nil {
		return err
	}
	pr, err := s.progressData(r, c.subject, rng)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, progressJSONOf(pr, s.cfg.Policy))
}

// progressJSON is the API's progress document. Weights are in kg whatever
// the lifter's units, dates YYYY-MM-DD in the lifter's time zone, and
// every list is present (empty rather than null), oldest first.
type progressJSON struct {
	From  string             `json:"from"`
	To    string             `json:"to"`
	Today string             `json:"today"`
	Weeks []progressWeekJSON `json:"weeks"`
	Pain  progressPainJSON   `json:"pain"`
	E1RM  progressE1RMJSON   `json:"e1rm"`
	// Flare is null when no flare is within the flare memory.
	Flare     *progressFlareJSON      `json:"flare"`
	Core      []progressCoreJSON      `json:"core"`
	Adherence []progressAdherenceJSON `json:"adherence"`
	Spike     progressSpikeJSON       `json:"spike"`
}

type progressWeekJSON struct {
	Start        string              `json:"start"`
	SpinalLoadKg float64             `json:"spinal_load_kg"`
	VolumeKg     float64             `json:"volume_kg"`
	ByClass      progressClassesJSON `json:"by_class"`
}

// progressClassesJSON is a week's volume by class, one field per class so
// that encoding needs no map.
type progressClassesJSON struct {
	SpinalHeavy       float64 `json:"spinal-heavy"`
	LoadedFlexion     float64 `json:"loaded-flexion"`
	SpineNeutralLower float64 `json:"spine-neutral-lower"`
	CoreEndurance     float64 `json:"core-endurance"`
	UpperBody         float64 `json:"upper-body"`
	Other             float64 `json:"other"`
}

type progressPainJSON struct {
	Days    []progressPainDayJSON `json:"days"`
	Summary progressPainSumJSON   `json:"summary"`
}

type progressPainDayJSON struct {
	Day           string             `json:"day"`
	Pain          int                `json:"pain"`
	Avg7          float64            `json:"avg7"`
	CheckIns7     int                `json:"checkins7"`
	SessionPain   int                `json:"session_pain"`
	MorningChange int                `json:"morning_change"`
	Zone          backload.Zone      `json:"zone"`
	RedFlags      []backload.RedFlag `json:"red_flags"`
}

type progressPainSumJSON struct {
	CheckIns      int     `json:"checkins"`
	Green         int     `json:"green"`
	Amber         int     `json:"amber"`
	Red           int     `json:"red"`
	WorseMornings int     `json:"worse_mornings"`
	RedFlagDays   int     `json:"red_flag_days"`
	FirstAvg7     float64 `json:"first_avg7"`
	LastAvg7      float64 `json:"last_avg7"`
}

// progressE1RMJSON says in the document itself that the figures are
// estimates and how they were made, as domain.md section 8 asks.
type progressE1RMJSON struct {
	Estimate bool               `json:"estimate"`
	Method   string             `json:"method"`
	MaxReps  int                `json:"max_reps"`
	Lifts    []progressLiftJSON `json:"lifts"`
}

type progressLiftJSON struct {
	Lift   string              `json:"lift"`
	Name   string              `json:"name"`
	Points []progressPointJSON `json:"points"`
}

type progressPointJSON struct {
	Week string  `json:"week"`
	Kg   float64 `json:"kg"`
}

type progressFlareJSON struct {
	Phase     backload.Phase `json:"phase"`
	Began     string         `json:"began"`
	RampStart string         `json:"ramp_start,omitempty"`
	// BeforeDays and NowDays are the windows of the comparison.
	BeforeDays int                   `json:"before_days"`
	NowDays    int                   `json:"now_days"`
	Lifts      []progressCompareJSON `json:"lifts"`
}

type progressCompareJSON struct {
	Lift         string  `json:"lift"`
	Name         string  `json:"name"`
	BeforeE1RMKg float64 `json:"before_e1rm_kg"`
	NowE1RMKg    float64 `json:"now_e1rm_kg"`
	BeforeTopKg  float64 `json:"before_top_kg"`
	NowTopKg     float64 `json:"now_top_kg"`
}

type progressCoreJSON struct {
	Start         string `json:"start"`
	LongestHoldS  int    `json:"longest_hold_s"`
	LongestHoldBy string `json:"longest_hold_by"`
	CoreSetReps   int    `json:"core_set_reps"`
}

type progressAdherenceJSON struct {
	Week     int                         `json:"week"`
	Start    string                      `json:"start"`
	Planned  int                         `json:"planned"`
	Done     int                         `json:"done"`
	Upcoming bool                        `json:"upcoming"`
	Lifts    []progressAdherenceLiftJSON `json:"lifts"`
}

type progressAdherenceLiftJSON struct {
	Name      string  `json:"name"`
	PlannedKg float64 `json:"planned_kg"`
	BestKg    float64 `json:"best_kg"`
	Done      bool    `json:"done"`
}

type progressSpikeJSON struct {
	Days    []progressSpikeDayJSON `json:"days"`
	Message string                 `json:"message"`
}

type progressSpikeDayJSON struct {
	Day             string  `json:"day"`
	AcuteKg         float64 `json:"acute_kg"`
	ChronicWeeklyKg float64 `json:"chronic_weekly_kg"`
	Ratio           float64 `json:"ratio"`
}

// progressJSONOf lays the measures out as the API document.
func progressJSONOf(pr progress, p backload.Policy) progressJSON {
	out := progressJSON{
		From: apiProgressDay(pr.Range.From), To: apiProgressDay(pr.Range.To), Today: apiProgressDay(pr.Today),
		Weeks:     make([]progressWeekJSON, len(pr.Weeks)),
		Pain:      progressPainJSON{Days: make([]progressPainDayJSON, len(pr.Pain)), Summary: progressPainSumJSON(pr.PainSummary)},
		E1RM:      progressE1RMJSON{Estimate: true, Method: "Epley", MaxReps: p.E1RMMaxReps, Lifts: make([]progressLiftJSON, len(pr.Lifts))},
		Core:      make([]progressCoreJSON, len(pr.Core)),
		Adherence: make([]progressAdherenceJSON, len(pr.Adherence)),
		Spike:     progressSpikeJSON{Days: make([]progressSpikeDayJSON, len(pr.Spike.Days)), Message: pr.Spike.Message},
	}
	for i, w := range pr.Weeks {
		c := w.ByClass
		out.Weeks[i] = progressWeekJSON{Start: apiProgressDay(w.Start), SpinalLoadKg: w.SpinalLoadKg, VolumeKg: w.VolumeKg,
			ByClass: progressClassesJSON{c[0], c[1], c[2], c[3], c[4], c[5]}}
	}
	for i, d := range pr.Pain {
		flags := d.RedFlags
		if flags == nil {
			flags = []backload.RedFlag{}
		}
		out.Pain.Days[i] = progressPainDayJSON{Day: apiProgressDay(d.Day), Pain: d.Pain, Avg7: d.Avg7, CheckIns7: d.CheckIns7,
			SessionPain: d.SessionPain, MorningChange: d.MorningChange, Zone: d.Zone, RedFlags: flags}
	}
	for i, l := range pr.Lifts {
		pts := make([]progressPointJSON, len(l.Points))
		for j, pt := range l.Points {
			pts[j] = progressPointJSON{Week: apiProgressDay(pt.Week), Kg: pt.Value}
		}
		out.E1RM.Lifts[i] = progressLiftJSON{Lift: l.Lift, Name: l.Name, Points: pts}
	}
	if pr.Flare.Phase != backload.NoFlare {
		out.Flare = progressFlareOf(pr, p)
	}
	for i, w := range pr.Core {
		out.Core[i] = progressCoreJSON{Start: apiProgressDay(w.Start), LongestHoldS: w.LongestHoldS, LongestHoldBy: w.LongestHoldBy, CoreSetReps: w.CoreSetReps}
	}
	for i, w := range pr.Adherence {
		lifts := make([]progressAdherenceLiftJSON, len(w.Lifts))
		for j, l := range w.Lifts {
			lifts[j] = progressAdherenceLiftJSON(l)
		}
		out.Adherence[i] = progressAdherenceJSON{Week: w.Week, Start: apiProgressDay(w.Start), Planned: w.Planned, Done: w.Done,
			Upcoming: w.Upcoming, Lifts: lifts}
	}
	for i, d := range pr.Spike.Days {
		out.Spike.Days[i] = progressSpikeDayJSON{Day: apiProgressDay(d.Day), AcuteKg: d.AcuteKg, ChronicWeeklyKg: d.ChronicWeeklyKg, Ratio: d.Ratio}
	}
	return out
}

func progressFlareOf(pr progress, p backload.Policy) *progressFlareJSON {
	f := &progressFlareJSON{Phase: pr.Flare.Phase, Began: apiProgressDay(pr.Flare.Began),
		BeforeDays: p.PreFlareLookback, NowDays: report.RecentDays, Lifts: make([]progressCompareJSON, len(pr.PreFlare))}
	if !pr.Flare.RampStart.IsZero() {
		f.RampStart = apiProgressDay(pr.Flare.RampStart)
	}
	for i, c := range pr.PreFlare {
		f.Lifts[i] = progressCompareJSON(c)
	}
	return f
}

// apiProgressDay writes a date of package report (midnight UTC) as YYYY-MM-DD.
func apiProgressDay(t time.Time) string { return t.Format(time.DateOnly) }
