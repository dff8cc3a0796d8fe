#!/usr/bin/env python3
"""Generates the replies2 test set: labelled replies written for the
classifier's weak spots (short uploads and third-person portal notices,
terse or praise-wrapped declines and withdrawals, idiomatic strong yeses,
reluctant yeses, conditions plus questions), with their controls.

Run from this directory: python3 generate.py. It rewrites every *.eml and
labels.tsv. The applicant is Leila Haddad <leila.haddad@mailbox.test>.
"""
import base64
import hashlib
import quopri

APPLICANT = ("Leila Haddad", "leila.haddad@mailbox.test")
ASK_SUBJECT = "Letter of recommendation request - Leila Haddad (Diagnostic Radiology)"
ASK = [
    "Dear Dr. {last},",
    "",
    "I hope you are well. I am applying to diagnostic radiology residency this",
    "cycle and would be very grateful if you would write a strong letter of",
    "recommendation for me, based on my observership with your team. I can send",
    "my CV, personal statement and a short summary of the cases I worked on.",
    "",
    "Thank you for considering it.",
    "",
    "Best regards,",
    "Leila Haddad",
]


def mid(name, domain):
    h = hashlib.sha1(name.encode()).hexdigest()[:20]
    return f"<{h}@{domain}>"


def ask_id(name):
    return "<ask-" + hashlib.sha1(("ask" + name).encode()).hexdigest()[:16] + "@mailbox.test>"


def quote_text(style, sender, last):
    ask = [l.format(last=last) for l in ASK]
    if style == "gmail":
        return ["", "On Mon, Jun 8, 2026 at 9:12 AM Leila Haddad <leila.haddad@mailbox.test> wrote:", ""] + ["> " + l if l else ">" for l in ask]
    if style == "iphone":
        return ["", "Sent from my iPhone", "", "> On Jun 8, 2026, at 9:12 AM, Leila Haddad <leila.haddad@mailbox.test> wrote:", ">"] + ["> " + l if l else ">" for l in ask]
    if style == "outlook":
        return ["", "________________________________", "From: Leila Haddad <leila.haddad@mailbox.test>",
                "Sent: Monday, June 8, 2026 9:12 AM", f"To: {sender}", "Subject: " + ASK_SUBJECT, ""] + ask
    if style == "original":
        return ["", "-----Original Message-----", "From: Leila Haddad <leila.haddad@mailbox.test>",
                "Sent: Monday, June 08, 2026 9:12 AM", f"To: {sender}", "Subject: " + ASK_SUBJECT, ""] + ask
    return []


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_html(body, style, sender, last):
    paras = body.strip("\n").split("\n\n")
    out = ['<html><head><meta charset="utf-8"></head><body><div dir="ltr">']
    for p in paras:
        out.append("<p>" + "<br>".join(html_escape(l) for l in p.split("\n")) + "</p>")
    out.append("</div>")
    ask = [l.format(last=last) for l in ASK]
    if style in ("outlook", "original"):
        out.append('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">')
        out.append(f"<p><b>From:</b> Leila Haddad &lt;leila.haddad@mailbox.test&gt;<br><b>Sent:</b> Monday, June 8, 2026 9:12 AM<br><b>To:</b> {html_escape(sender)}<br><b>Subject:</b> {html_escape(ASK_SUBJECT)}</p></div>")
        out.append("<p>" + "<br>".join(html_escape(l) for l in ask) + "</p>")
    elif style in ("gmail", "iphone"):
        out.append('<div class="gmail_quote"><div class="gmail_attr">On Mon, Jun 8, 2026 at 9:12 AM Leila Haddad &lt;leila.haddad@mailbox.test&gt; wrote:<br></div>')
        out.append('<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">' + "<br>".join(html_escape(l) for l in ask) + "</blockquote></div>")
    out.append("</body></html>")
    return "\n".join(out)


def encode(text, cte, charset):
    data = text.replace("\n", "\r\n").encode(charset)
    if cte == "quoted-printable":
        return quopri.encodestring(data).decode("ascii").replace("\r\n", "\n").replace("=0D\n", "\n")
    if cte == "base64":
        b = base64.b64encode(data).decode("ascii")
        return "\n".join(b[i:i + 76] for i in range(0, len(b), 76))
    return data.decode(charset)


def part(ctype, text, cte, charset, extra=""):
    return (f'Content-Type: {ctype}; charset="{charset}"{extra}\nContent-Transfer-Encoding: {cte}\n\n'
            + encode(text, cte, charset))


def build(e):
    sender_name, sender_addr = e["from"]
    sender = f"{sender_name} <{sender_addr}>" if sender_name else sender_addr
    last = e.get("last", sender_name.split()[-1] if sender_name else "Writer")
    domain = sender_addr.split("@")[1]
    reply = e.get("reply", True)
    style = e.get("quote", "none") if reply else "none"
    body = e["body"].strip("\n") + "\n"
    text = body + "\n".join(quote_text(style, sender, last)) + ("\n" if style != "none" else "")
    h = [f"Return-Path: <{sender_addr}>", "Delivered-To: leila.haddad@mailbox.test",
         f"From: {sender}", "To: Leila Haddad <leila.haddad@mailbox.test>"]
    subj = e.get("subject") or ("Re: " + ASK_SUBJECT)
    h.append("Subject: " + subj)
    h.append("Date: " + e.get("date", "Tue, 16 Jun 2026 10:20:00 -0400"))
    h.append("Message-ID: " + mid(e["name"], domain))
    if reply:
        h.append("In-Reply-To: " + ask_id(e["name"]))
        h.append("References: " + ask_id(e["name"]))
    h += e.get("headers", [])
    h.append("MIME-Version: 1.0")
    form = e.get("form", "plain")
    charset = e.get("charset", "utf-8")
    if form == "plain":
        cs = e.get("charset", "us-ascii")
        h.append(part("text/plain", text, e.get("cte", "7bit"), cs))
    elif form == "qp":
        h.append(part("text/plain", text, "quoted-printable", charset))
    elif form == "b64":
        h.append(part("text/plain", text, "base64", charset))
    elif form == "flowed":
        h.append(part("text/plain", text, "8bit", charset, "; format=flowed"))
    elif form == "html":
        html = e.get("html") or to_html(body, style, sender, last)
        h.append(part("text/html", html, e.get("cte", "quoted-printable"), charset))
    elif form == "alt":
        html = e.get("html") or to_html(body, style, sender, last)
        b = "==alt_" + hashlib.sha1(e["name"].encode()).hexdigest()[:12] + "=="
        cte = e.get("cte", "quoted-printable")
        h.append(f'Content-Type: multipart/alternative; boundary="{b}"\n\n--{b}\n'
                 + part("text/plain", text, cte, charset) + f"\n--{b}\n"
                 + part("text/html", html, cte, charset) + f"\n--{b}--")
    else:
        raise ValueError(form)
    raw = "\n".join(h) + "\n"
    return raw.replace("\r\n", "\n").replace("\n", "\r\n")


def table_html(title, intro, rows, outro):
    cells = "".join(f'<tr><td style="color:#555">{html_escape(k)}</td><td>{html_escape(v)}</td></tr>' for k, v in rows)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + html_escape(title) + "</title></head>"
            '<body style="font-family:Arial"><div style="max-width:600px"><div style="background:#1d3557;color:#fff;padding:12px">'
            + html_escape(title) + '</div><div style="padding:16px">'
            + "".join("<p>" + html_escape(p) + "</p>" for p in intro)
            + '<table cellpadding="4">' + cells + "</table>"
            + "".join("<p>" + html_escape(p) + "</p>" for p in outro) + "</div></div></body></html>")


def table_text(intro, rows, outro):
    lines = []
    for p in intro:
        lines += [p, ""]
    lines += [f"{k}: {v}" for k, v in rows]
    lines.append("")
    for p in outro:
        lines += [p, ""]
    return "\n".join(lines)


from examples import EXAMPLES  # noqa: E402


def main():
    counts = {}
    rows = ["file\tkind\tnote"]
    for e in EXAMPLES:
        k = e["kind"]
        counts[k] = counts.get(k, 0) + 1
        name = f"{k}-{counts[k]:02d}.eml"
        e["name"] = name
        if "table" in e:
            title, intro, trows, outro = e["table"]
            e.setdefault("html", table_html(title, intro, trows, outro))
            e.setdefault("body", table_text(intro, trows, outro))
        with open(name, "w", newline="") as f:
            f.write(build(e))
        rows.append(f"{name}\t{k}\t{e['note']}")
    with open("labels.tsv", "w") as f:
        f.write("\n".join(rows) + "\n")
    print(len(EXAMPLES), "messages", counts)


if __name__ == "__main__":
    main()
