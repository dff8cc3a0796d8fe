package config

import "sort"

// Portal is a letter system whose notices say a letter was uploaded.
// The wording of real notices is not documented; lorkeeper reads them by
// their sender (verified, see senderauth) and by what they name: the
// writer, or a Letter ID.
type Portal struct {
	Name    string
	Title   string
	Senders []string // sender patterns, as in [portals] senders
}

var portals = map[string]Portal{
	"eras":           {"eras", "ERAS (AAMC Letter Writer Portal, MyERAS)", []string{"*@aamc.org", "*@*.aamc.org"}},
	"residencycas":   {"residencycas", "ResidencyCAS (OB-GYN)", []string{"applicantsupport@residencycas.com", "*@residencycas.com", "*@liaisoncas.com"}},
	"fellowshipscas": {"fellowshipscas", "FellowshipsCAS", []string{"*@fellowshipscas.com", "*@liaisoncas.com"}},
	"carms":          {"carms", "CaRMS (Canada)", []string{"*@carms.ca"}},
	"interfolio":     {"interfolio", "Interfolio (fellowships, academic jobs)", []string{"*@interfolio.com"}},
}

// PortalProfile returns the built-in profile called name.
func PortalProfile(name string) (Portal, bool) {
	p, ok := portals[name]
	return p, ok
}

// PortalProfileNames lists the built-in profiles.
func PortalProfileNames() []string {
	var out []string
	for n := range portals {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// PortalSenders returns every sender pattern of upload notices: the
// profiles' and the config's own.
func (c *Config) PortalSenders() []string {
	var out []string
	for _, n := range c.Portals.Profiles {
		if p, ok := portals[n]; ok {
			out = append(out, p.Senders...)
		}
	}
	return append(out, c.Portals.Senders...)
}
