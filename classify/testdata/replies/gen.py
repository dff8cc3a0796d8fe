#!/usr/bin/env python3
"""Generates the labelled replies in this directory (run from here).

Each message is written by hand below (new text, quote style, MIME form);
this script only does the encoding: charsets, quoted-printable, base64,
format=flowed, HTML-only Outlook/OWA/Gmail markup, attachments. The applicant
is Priya Nair, an IMG applying to diagnostic radiology; every quoted ask says
"strong letter" so that quote removal is exercised.
"""
import base64
import email.header
import email.utils
import hashlib
import quopri
import textwrap

APPLICANT = ("Priya Nair", "priya.nair@mailbox.test")
ASK = """Dear {writer},

I hope you are well. I am applying to diagnostic radiology residency
programs this cycle, and I wanted to ask whether you would be willing to
write a strong letter of recommendation for my application. I would be
happy to send my CV, my personal statement and the ERAS Letter Request Form.

Thank you very much for considering my request.

Best regards,
Priya Nair"""

rows = []


def enc_header(s, charset="utf-8"):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return email.header.Header(s, charset).encode()


def addr(name, a, charset="utf-8"):
    if not name:
        return a
    try:
        name.encode("ascii")
        if "," in name:
            name = '"%s"' % name
        return "%s <%s>" % (name, a)
    except UnicodeEncodeError:
        return "%s <%s>" % (email.header.Header(name, charset).encode(), a)


def qp(text, charset):
    if charset != "utf-8":
        text = text.replace("\u202f", " ")
    return quopri.encodestring(text.replace("\n", "\r\n").encode(charset)).decode("ascii").replace("\r\n", "\n").replace("=\r", "=")


def b64(text, charset="utf-8"):
    raw = text.replace("\n", "\r\n").encode(charset) if isinstance(text, str) else text
    return "\n".join(textwrap.wrap(base64.b64encode(raw).decode("ascii"), 76))


def flowed(text):
    out = []
    for para in text.split("\n"):
        if len(para) <= 72:
            out.append(para)
            continue
        lines = textwrap.wrap(para, 72)
        out.extend(l + " " for l in lines[:-1])
        out.append(lines[-1])
    return "\n".join(out)


def quote_plain(style, writer_name, writer_addr, subject):
    ask = ASK.format(writer=writer_name.split(",")[0])
    q = "\n".join(("> " + l) if l else ">" for l in ask.split("\n"))
    an, aa = APPLICANT
    if style == "none":
        return ""
    if style == "gmail":
        return "\n\nOn Tue, Mar 3, 2026 at 9:14\u202fAM %s <%s> wrote:\n\n%s\n" % (an, aa, q)
    if style == "gmail-wrapped":
        return "\n\nOn Tue, Mar 3, 2026 at 9:14 AM %s <%s>\nwrote:\n\n%s\n" % (an, aa, q)
    if style == "iphone":
        return "\n\nSent from my iPhone\n\nOn Mar 3, 2026, at 9:14 AM, %s <%s> wrote:\n\n%s\n" % (an, aa, q)
    if style == "thunderbird":
        return "\n\nOn 3/3/26 9:14 AM, %s wrote:\n%s\n" % (an, q)
    if style == "outlook":
        return "\n\n________________________________\nFrom: %s <%s>\nSent: Tuesday, March 3, 2026 9:14 AM\nTo: %s <%s>\nSubject: %s\n\n%s\n" % (an, aa, writer_name, writer_addr, subject, ask)
    if style == "original":
        return "\n\n-----Original Message-----\nFrom: %s <%s>\nSent: Tuesday, March 3, 2026 9:14 AM\nTo: %s <%s>\nSubject: %s\n\n%s\n" % (an, aa, writer_name, writer_addr, subject, ask)
    if style == "pt-outlook":
        return "\n\nDe: %s <%s>\nEnviado: terça-feira, 3 de março de 2026 09:14\nPara: %s <%s>\nAssunto: %s\n\n%s\n" % (an, aa, writer_name, writer_addr, subject, ask)
    if style == "pt-escreveu":
        return "\n\nEm 03/03/2026 09:14, %s escreveu:\n\n%s\n" % (an, q)
    if style == "de-schrieb":
        return "\n\nAm 03.03.2026 um 09:14 schrieb %s <%s>:\n%s\n" % (an, aa, q)
    if style == "roundcube":
        return "\n\nOn 2026-03-03 09:14, %s wrote:\n\n%s\n" % (an, q)
    raise ValueError(style)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_body(new, style, writer_name, writer_addr, subject, flavor):
    ask = ASK.format(writer=writer_name.split(",")[0])
    an, aa = APPLICANT
    paras = new.split("\n\n")
    if flavor == "outlook":
        parts = []
        for p in paras:
            for line in p.split("\n"):
                parts.append('<p class="MsoNormal">%s<o:p></o:p></p>' % esc(line))
            parts.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
        body = "\n".join(parts)
    else:
        body = "<div>" + "</div><div><br></div><div>".join(esc(p).replace("\n", "<br>") for p in paras) + "</div>"
    askhtml = "<div>" + "</div><div><br></div><div>".join(esc(p).replace("\n", " ") for p in ask.split("\n\n")) + "</div>"
    if style == "none":
        quote = ""
    elif style in ("outlook", "original", "pt-outlook"):
        labels = ("De", "Enviado", "Para", "Assunto") if style == "pt-outlook" else ("From", "Sent", "To", "Subject")
        sent = "terça-feira, 3 de março de 2026 09:14" if style == "pt-outlook" else "Tuesday, March 3, 2026 9:14 AM"
        if flavor == "owa":
            quote = ('<div id="appendonsend"></div><hr style="display:inline-block;width:98%%" tabindex="-1">'
                     '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">'
                     '<b>%s:</b> %s &lt;%s&gt;<br><b>%s:</b> %s<br><b>%s:</b> %s &lt;%s&gt;<br><b>%s:</b> %s</font><div>&nbsp;</div></div>%s'
                     % (labels[0], an, aa, labels[1], sent, labels[2], esc(writer_name), writer_addr, labels[3], esc(subject), askhtml))
        else:
            quote = ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">'
                     '<p class="MsoNormal"><b>%s:</b> %s &lt;%s&gt;<br><b>%s:</b> %s<br><b>%s:</b> %s &lt;%s&gt;<br><b>%s:</b> %s<o:p></o:p></p></div>%s'
                     % (labels[0], an, aa, labels[1], sent, labels[2], esc(writer_name), writer_addr, labels[3], esc(subject), askhtml))
    elif style in ("iphone", "apple"):
        quote = ('<div dir="ltr"><br><blockquote type="cite">On Mar 3, 2026, at 9:14 AM, %s &lt;%s&gt; wrote:<br><br></blockquote></div>'
                 '<blockquote type="cite"><div dir="ltr">%s</div></blockquote>' % (an, aa, askhtml))
    else:
        quote = ('<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Mar 3, 2026 at 9:14 AM %s &lt;<a href="mailto:%s">%s</a>&gt; wrote:<br></div>'
                 '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">%s</blockquote></div>'
                 % (an, aa, aa, askhtml))
    head = ""
    if flavor == "outlook":
        head = ('<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!--\np.MsoNormal {margin:0in; font-size:11.0pt;}\n--></style></head>'
                '<body lang="EN-US"><div class="WordSection1">')
        return "<html>%s%s\n%s</div></body></html>" % (head, body, quote)
    return '<html><head><style>P {margin:0}</style></head><body><div dir="ltr">%s</div>%s</body></html>' % (body, quote)


def boundary(name, n):
    return "b%s%d" % (hashlib.md5(name.encode()).hexdigest()[:16], n)


def part(ctype, cte, payload, extra=""):
    return "Content-Type: %s\nContent-Transfer-Encoding: %s\n%s\n%s\n" % (ctype, cte, extra, payload)


def write(fname, kind, note, frm, subject, new, date, quote="gmail", form="plain7",
          headers=None, reply=True, attach=None, to=None, frm_charset="utf-8", subj_charset="utf-8"):
    """Writes one message. frm is (name, address)."""
    wname, waddr = frm
    to = to or APPLICANT
    plain = new + quote_plain(quote, wname, waddr, subject.split(": ", 1)[-1])
    h = ["Return-Path: <%s>" % waddr,
         "Delivered-To: %s" % APPLICANT[1],
         "From: %s" % addr(wname, waddr, frm_charset),
         "To: %s" % addr(*to),
         "Subject: %s" % enc_header(subject, subj_charset),
         "Date: %s" % date,
         "Message-ID: <%s@%s>" % (hashlib.sha1(fname.encode()).hexdigest()[:20], waddr.split("@")[1])]
    if reply:
        h.append("In-Reply-To: <ask-%s@mailbox.test>" % hashlib.sha1(fname.encode()).hexdigest()[:12])
        h.append("References: <ask-%s@mailbox.test>" % hashlib.sha1(fname.encode()).hexdigest()[:12])
    for k, v in (headers or {}).items():
        h.append("%s: %s" % (k, v))
    h.append("MIME-Version: 1.0")
    b = boundary(fname, 1)
    if form == "plain7":
        plain = plain.replace("\u202f", " ")
        plain.encode("ascii")
        h.append('Content-Type: text/plain; charset="us-ascii"\nContent-Transfer-Encoding: 7bit')
        body = plain
    elif form in ("plain-qp", "plain-latin1", "plain-1252"):
        cs = {"plain-qp": "utf-8", "plain-latin1": "iso-8859-1", "plain-1252": "windows-1252"}[form]
        h.append('Content-Type: text/plain; charset="%s"\nContent-Transfer-Encoding: quoted-printable' % cs)
        body = qp(plain, cs)
    elif form == "plain-b64":
        h.append('Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64')
        body = b64(plain)
    elif form == "plain-flowed":
        h.append('Content-Type: text/plain; charset="utf-8"; format=flowed\nContent-Transfer-Encoding: 8bit')
        body = flowed(new) + quote_plain(quote, wname, waddr, subject.split(": ", 1)[-1])
    elif form in ("alt-qp", "alt-b64"):
        html = html_body(new, quote, wname, waddr, subject, "gmail")
        h.append('Content-Type: multipart/alternative; boundary="%s"' % b)
        if form == "alt-qp":
            p1 = part('text/plain; charset="utf-8"', "quoted-printable", qp(plain, "utf-8"))
            p2 = part('text/html; charset="utf-8"', "quoted-printable", qp(html, "utf-8"))
        else:
            p1 = part('text/plain; charset="utf-8"', "base64", b64(plain))
            p2 = part('text/html; charset="utf-8"', "base64", b64(html))
        body = "--%s\n%s\n--%s\n%s\n--%s--\n" % (b, p1, b, p2, b)
    elif form in ("html-qp", "html-b64", "html-owa"):
        flavor = "owa" if form == "html-owa" else "outlook"
        html = html_body(new, quote, wname, waddr, subject, flavor)
        if form == "html-qp":
            h.append('Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable')
            body = qp(html, "utf-8")
        else:
            h.append('Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: base64')
            body = b64(html)
    elif form == "mixed":
        b2 = boundary(fname, 2)
        html = html_body(new, quote, wname, waddr, subject, "gmail")
        h.append('Content-Type: multipart/mixed; boundary="%s"' % b)
        alt = "--%s\n%s\n--%s\n%s\n--%s--\n" % (
            b2, part('text/plain; charset="utf-8"', "quoted-printable", qp(plain, "utf-8")),
            b2, part('text/html; charset="utf-8"', "quoted-printable", qp(html, "utf-8")), b2)
        aname, atype, adata = attach
        if atype.startswith("text/"):
            ap = part('%s; charset="utf-8"; name="%s"' % (atype, aname), "quoted-printable", qp(adata, "utf-8"),
                      'Content-Disposition: attachment; filename="%s"\n' % aname)
        else:
            ap = part('%s; name="%s"' % (atype, aname), "base64", b64(adata),
                      'Content-Disposition: attachment; filename="%s"\n' % aname)
        body = '--%s\nContent-Type: multipart/alternative; boundary="%s"\n\n%s\n--%s\n%s\n--%s--\n' % (b, b2, alt, b, ap, b)
    elif form == "raw":
        body = new
    else:
        raise ValueError(form)
    text = "\n".join(h) + "\n\n" + body
    if not text.endswith("\n"):
        text += "\n"
    data = text.replace("\r\n", "\n").replace("\n", "\r\n")
    enc = "utf-8" if form == "plain-flowed" else "ascii"
    with open(fname, "wb") as f:
        f.write(data.encode(enc))
    rows.append((fname, kind, note))


FAKE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

exec(open("messages.py", encoding="utf-8").read())
exec(open("messages2.py", encoding="utf-8").read())

with open("labels.tsv", "w", encoding="utf-8") as f:
    f.write("file\tkind\tnote\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
