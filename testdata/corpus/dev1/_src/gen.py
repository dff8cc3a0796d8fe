# MIME wrapper for hand-written reply bodies (bodies live in b*.py)
import base64, quopri, hashlib, datetime, textwrap, re, sys, os, html, importlib
from email.header import Header
from email.utils import format_datetime

APPL = "Yusuf Karimi"
APPL_ADDR = "yusuf.karimi@inbox.test"
AAMC = "17302846"

TZ = {"IN":"+0530","LK":"+0530","PK":"+0500","BD":"+0600","NP":"+0545","NG":"+0100","CM":"+0100",
      "GH":"+0000","SN":"+0000","EG":"+0300","MA":"+0100","TN":"+0100","JO":"+0300","LB":"+0300",
      "SA":"+0300","IR":"+0330","TR":"+0300","USE":"-0400","USC":"-0500","USW":"-0700","UK":"+0100",
      "DE":"+0200","FR":"+0200","AE":"+0400","QA":"+0300","CA":"-0400"}

ASKS = [
("Request for a strong letter of recommendation - Diagnostic Radiology (ERAS 2026)",
"""{sal},

I hope you are doing well. {ctx}

I am applying this cycle to Diagnostic Radiology residency programs in the United States through ERAS 2026. As an international medical graduate, I know that strong letters from physicians who have seen my work carry a great deal of weight, and I would be very grateful if you would consider writing a strong letter of recommendation on my behalf.

I can send my CV, personal statement, USMLE transcripts and the ERAS Letter Request Form (AAMC ID {aamc}) at your convenience. Ideally the letter would be uploaded by early September.

Thank you very much for considering this.

Best regards,
Yusuf Karimi
AAMC ID {aamc}"""),
("LOR request - Yusuf Karimi, IMG applying to Diagnostic Radiology",
"""{sal},

{ctx} I am writing to ask whether you would be willing to write a strong letter of recommendation for my application to Diagnostic Radiology residency in the US. I am an international medical graduate (ECFMG certified, Step 1 pass, Step 2 CK 251) and this is my first application cycle.

My CV and personal statement are attached. I will send the ERAS letter request as soon as you agree.

With gratitude,
Yusuf Karimi
yusuf.karimi@inbox.test"""),
("Letter of recommendation for radiology residency",
"""{sal},

I hope this message finds you well. {ctx}

I am now preparing my application for the 2026 Match in Diagnostic Radiology, and I am also applying to a few preliminary medicine and transitional year positions. As an IMG, I do not have many US contacts, and your opinion of my work would mean a lot to program directors. Would you be willing to write a strong letter of recommendation for me?

If it helps, I can prepare a short summary of the cases and projects we worked on together. There is no rush this week, but ERAS opens to programs in late September.

Thank you for everything you have taught me.

Warm regards,
Yusuf Karimi, MD
AAMC ID: {aamc}"""),
("Kind request: strong LOR for DR residency application (IMG)",
"""{sal},

Greetings. {ctx}

I am an international medical graduate applying to Diagnostic Radiology residency in the United States (ERAS 2026). I would be honoured if you could write a strong letter of recommendation for me. I have attached my CV; my AAMC ID is {aamc}, and I can share the Letter Request Form from MyERAS whenever you are ready.

Please let me know if you need anything else from me.

Respectfully,
Dr. Yusuf Karimi"""),
("Diagnostic Radiology application - would you write me a strong letter?",
"""{sal},

{ctx}

I'm applying to Diagnostic Radiology residency this year as an international medical graduate, and I wanted to ask if you would feel comfortable writing me a strong letter of recommendation. I learned so much from you and I think a letter from you would really help my application stand out.

Happy to send anything you need (CV, personal statement, list of programs). The target date is September 10.

Thanks so much,
Yusuf"""),
("Recommendation letter request (Diagnostic Radiology + transitional year)",
"""{sal},

{ctx}

I am writing with a request. I am applying for Diagnostic Radiology residency in the USA for July 2026, together with transitional year programs, and as an IMG I need three to four strong letters of recommendation. Would you kindly consider writing one for me? Your letter would be very valuable because you supervised my clinical work directly.

I will send my CV, personal statement and the ERAS letter request form. My AAMC ID is {aamc}.

Thank you, and best wishes,
Yusuf Karimi"""),
]

CTX = [
"Thank you again for the guidance you gave me during my time in your department.",
"I greatly enjoyed the weeks I spent in your reading room and the teaching files you shared with me.",
"It has been a few months since my rotation with your team, and I still use the approach to chest films you taught me.",
"I was very grateful for the opportunity to work under your supervision.",
"I hope the department is doing well since I finished my elective there.",
"I remain thankful for the time you spent teaching me during my observership.",
]

WD_EN = ["Mon","Tue","Wed","Thu","Fri","Sat","Sun"]
WDL_EN = ["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"]
MON_EN = ["January","February","March","April","May","June","July","August","September","October","November","December"]
MO_EN = [m[:3] for m in MON_EN]
WDL_DE = ["Montag","Dienstag","Mittwoch","Donnerstag","Freitag","Samstag","Sonntag"]
MON_DE = ["Januar","Februar","März","April","Mai","Juni","Juli","August","September","Oktober","November","Dezember"]
WD_FR = ["lun.","mar.","mer.","jeu.","ven.","sam.","dim."]
WDL_FR = ["lundi","mardi","mercredi","jeudi","vendredi","samedi","dimanche"]
MON_FR = ["janvier","février","mars","avril","mai","juin","juillet","août","septembre","octobre","novembre","décembre"]
WD_ES = ["lun","mar","mié","jue","vie","sáb","dom"]
WDL_ES = ["lunes","martes","miércoles","jueves","viernes","sábado","domingo"]
MON_ES = ["enero","febrero","marzo","abril","mayo","junio","julio","agosto","septiembre","octubre","noviembre","diciembre"]
WD_PT = ["seg.","ter.","qua.","qui.","sex.","sáb.","dom."]
MO_PT = ["jan.","fev.","mar.","abr.","mai.","jun.","jul.","ago.","set.","out.","nov.","dez."]
WD_TR = ["Pzt","Sal","Çar","Per","Cum","Cmt","Paz"]
MO_TR = ["Oca","Şub","Mar","Nis","May","Haz","Tem","Ağu","Eyl","Eki","Kas","Ara"]
WD_IT = ["lun","mar","mer","gio","ven","sab","dom"]
MO_IT = ["gen","feb","mar","apr","mag","giu","lug","ago","set","ott","nov","dic"]

def H(s, n=0):
    return hashlib.sha256((s+str(n)).encode()).hexdigest()

def tzinfo(tz):
    sign = 1 if tz[0]=="+" else -1
    return datetime.timezone(sign*datetime.timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])))

def h12(d):
    h = d.hour % 12 or 12
    return f"{h}:{d.minute:02d} {'AM' if d.hour<12 else 'PM'}"

def quote_header(style, ad, wname, waddr, subj):
    A = f"{APPL} <{APPL_ADDR}>"
    wd = ad.weekday()
    if style == "gmail":
        return f"On {WD_EN[wd]}, {MO_EN[ad.month-1]} {ad.day}, {ad.year} at {h12(ad)} {APPL} <{APPL_ADDR}> wrote:", True
    if style == "apple":
        return f"On {MO_EN[ad.month-1]} {ad.day}, {ad.year}, at {h12(ad)}, {APPL} <{APPL_ADDR}> wrote:", True
    if style == "tbird":
        return f"On {ad.day:02d}/{ad.month:02d}/{ad.year} {ad.hour:02d}:{ad.minute:02d}, {APPL} wrote:", True
    if style == "tbird_us":
        return f"On {ad.month}/{ad.day}/{ad.year} {h12(ad)}, {APPL} wrote:", True
    if style == "de":
        return f"Am {ad.day:02d}.{ad.month:02d}.{ad.year} um {ad.hour:02d}:{ad.minute:02d} schrieb {APPL} <{APPL_ADDR}>:", True
    if style == "de_gmail":
        return f"Am {['Mo','Di','Mi','Do','Fr','Sa','So'][wd]}., {ad.day}. {MON_DE[ad.month-1][:3]}. {ad.year} um {ad.hour:02d}:{ad.minute:02d} Uhr schrieb {APPL} <{APPL_ADDR}>:", True
    if style == "fr":
        return f"Le {WD_FR[wd]} {ad.day} {MON_FR[ad.month-1]} {ad.year} à {ad.hour:02d}:{ad.minute:02d}, {APPL} <{APPL_ADDR}> a écrit :", True
    if style == "fr_tb":
        return f"Le {ad.day:02d}/{ad.month:02d}/{ad.year} à {ad.hour:02d}:{ad.minute:02d}, {APPL} a écrit :", True
    if style == "es":
        return f"El {WD_ES[wd]}, {ad.day} {MON_ES[ad.month-1][:3]} {ad.year} a las {ad.hour:02d}:{ad.minute:02d}, {APPL} (<{APPL_ADDR}>) escribió:", True
    if style == "pt":
        return f"Em {WD_PT[wd]}, {ad.day} de {MO_PT[ad.month-1]} de {ad.year} às {ad.hour:02d}:{ad.minute:02d}, {APPL} <{APPL_ADDR}> escreveu:", True
    if style == "tr":
        return f"{APPL} <{APPL_ADDR}>, {ad.day} {MO_TR[ad.month-1]} {ad.year} {WD_TR[wd]}, {ad.hour:02d}:{ad.minute:02d} tarihinde şunu yazdı:", True
    if style == "it":
        return f"Il giorno {WD_IT[wd]} {ad.day} {MO_IT[ad.month-1]} {ad.year} alle ore {ad.hour:02d}:{ad.minute:02d} {APPL} <{APPL_ADDR}> ha scritto:", True
    if style == "ar":
        return f"في {['الاثنين','الثلاثاء','الأربعاء','الخميس','الجمعة','السبت','الأحد'][wd]}، {ad.day} {['يناير','فبراير','مارس','أبريل','مايو','يونيو','يوليو','أغسطس','سبتمبر','أكتوبر','نوفمبر','ديسمبر'][ad.month-1]} {ad.year} في {ad.hour%12 or 12}:{ad.minute:02d} {'ص' if ad.hour<12 else 'م'}، كتب {APPL} <{APPL_ADDR}>:", True
    if style == "outlook":
        return (f"________________________________\nFrom: {APPL} <{APPL_ADDR}>\nSent: {WDL_EN[wd]}, {MON_EN[ad.month-1]} {ad.day}, {ad.year} {h12(ad)}\n"
                f"To: {wname} <{waddr}>\nSubject: {subj}"), False
    if style == "outlook2":
        return (f"From: {APPL} <{APPL_ADDR}>\nSent: {ad.day:02d} {MON_EN[ad.month-1]} {ad.year} {ad.hour:02d}:{ad.minute:02d}\n"
                f"To: {wname} <{waddr}>\nSubject: {subj}"), False
    if style == "origmsg":
        return (f"-----Original Message-----\nFrom: {APPL} <{APPL_ADDR}>\nSent: {WDL_EN[wd]}, {MON_EN[ad.month-1]} {ad.day}, {ad.year} {h12(ad)}\n"
                f"To: {waddr}\nSubject: {subj}"), False
    if style == "dashorig":
        return (f"-------- Original Message --------\nSubject: {subj}\nDate: {format_datetime(ad)}\nFrom: {APPL} <{APPL_ADDR}>\nTo: {wname} <{waddr}>"), False
    if style == "fwd":
        return (f"---------- Forwarded message ---------\nFrom: {APPL} <{APPL_ADDR}>\nDate: {WD_EN[wd]}, {MO_EN[ad.month-1]} {ad.day}, {ad.year} at {h12(ad)}\n"
                f"Subject: {subj}\nTo: {wname} <{waddr}>"), False
    if style == "de_outlook":
        return (f"Von: {APPL} <{APPL_ADDR}>\nGesendet: {WDL_DE[wd]}, {ad.day}. {MON_DE[ad.month-1]} {ad.year} {ad.hour:02d}:{ad.minute:02d}\n"
                f"An: {wname} <{waddr}>\nBetreff: {subj}"), False
    if style == "fr_outlook":
        return (f"De : {APPL} <{APPL_ADDR}>\nEnvoyé : {WDL_FR[wd]} {ad.day} {MON_FR[ad.month-1]} {ad.year} {ad.hour:02d}:{ad.minute:02d}\n"
                f"À : {wname} <{waddr}>\nObjet : {subj}"), False
    if style == "es_outlook":
        return (f"De: {APPL} <{APPL_ADDR}>\nEnviado: {WDL_ES[wd]}, {ad.day} de {MON_ES[ad.month-1]} de {ad.year} {ad.hour:02d}:{ad.minute:02d}\n"
                f"Para: {wname} <{waddr}>\nAsunto: {subj}"), False
    if style == "pt_outlook":
        return (f"De: {APPL} <{APPL_ADDR}>\nEnviado: {['segunda-feira','terça-feira','quarta-feira','quinta-feira','sexta-feira','sábado','domingo'][wd]}, {ad.day} de {['janeiro','fevereiro','março','abril','maio','junho','julho','agosto','setembro','outubro','novembro','dezembro'][ad.month-1]} de {ad.year} {ad.hour:02d}:{ad.minute:02d}\n"
                f"Para: {wname} <{waddr}>\nAssunto: {subj}"), False
    if style == "tr_outlook":
        return (f"Kimden: {APPL} <{APPL_ADDR}>\nGönderildi: {ad.day} {['Ocak','Şubat','Mart','Nisan','Mayıs','Haziran','Temmuz','Ağustos','Eylül','Ekim','Kasım','Aralık'][ad.month-1]} {ad.year} {['Pazartesi','Salı','Çarşamba','Perşembe','Cuma','Cumartesi','Pazar'][wd]} {ad.hour:02d}:{ad.minute:02d}\n"
                f"Kime: {wname} <{waddr}>\nKonu: {subj}"), False
    raise ValueError(style)

def wrap_text(t, width=76):
    out = []
    for line in t.split("\n"):
        if len(line) <= width or line.startswith(">"):
            out.append(line); continue
        out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)

def encode_part(text, cs, cte):
    raw = text.replace("\r\n","\n").replace("\n","\r\n").encode(cs)
    if cte in ("7bit","8bit"):
        if cte == "7bit":
            raw.decode("ascii")
        for l in raw.split(b"\r\n"):
            assert len(l) < 990, l[:60]
        return raw
    if cte == "qp":
        enc = quopri.encodestring(raw.replace(b"\r\n", b"\n"), quotetabs=False)
        return enc.replace(b"\n", b"\r\n")
    if cte == "b64":
        b = base64.b64encode(raw)
        return b"\r\n".join(b[i:i+76] for i in range(0, len(b), 76))
    raise ValueError(cte)

CTE_NAME = {"7bit":"7bit","8bit":"8bit","qp":"quoted-printable","b64":"base64"}

def text_to_html(t):
    paras = re.split(r"\n\s*\n", t.strip("\n"))
    return "\n".join("<p>" + "<br>\n".join(html.escape(l) for l in p.split("\n")) + "</p>" for p in paras)

def quoted_to_html_block(qtext):
    return text_to_html(qtext)

def hdr(name, val):
    return f"{name}: {val}"

def addr(name, a):
    if name is None:
        return a
    try:
        name.encode("ascii")
        if re.search(r'[(),.:;<>@\[\]"]', name):
            return f'"{name}" <{a}>'
        return f"{name} <{a}>"
    except UnicodeEncodeError:
        return Header(name, "utf-8").encode(linesep="\r\n") + f" <{a}>"

def enc_subj(s):
    try:
        s.encode("ascii"); return s
    except UnicodeEncodeError:
        return Header(s, "utf-8", header_name="Subject").encode(linesep="\r\n")

def fold(line):
    # naive fold of long header lines at spaces
    if len(line) <= 78 or "=?" in line: return line
    parts = line.split(" ")
    out, cur = [], parts[0]
    for p in parts[1:]:
        if len(cur) + 1 + len(p) > 76 and cur.strip():
            out.append(cur); cur = " " + p
        else:
            cur += " " + p
    out.append(cur)
    return "\r\n".join(out)

def build(e, n):
    reg = e.get("reg","USE")
    tz = tzinfo(e.get("tz", TZ[reg]))
    base = datetime.datetime(2025,6,2,8,0,tzinfo=datetime.timezone.utc)
    hv = int(H(e["frm"][1], n)[:8],16)
    if "date" in e:
        y,mo,d,hh,mm = map(int, re.split(r"[- :]", e["date"]))
        dt = datetime.datetime(y,mo,d,hh,mm,hv%60,tzinfo=tz)
    else:
        lo, span = {"uploaded": (48, 50), "other": (0, 100)}.get(e["kind"], (0, 80))
        day = lo + (n*53 + hv) % span
        dt = (base + datetime.timedelta(days=day)).astimezone(tz)
        dt = dt.replace(hour=7 + hv % 15, minute=(hv>>5)%60, second=(hv>>11)%60)
    ad = (dt - datetime.timedelta(days=e.get("lag", 1 + hv % 6), hours=(hv>>3)%9)).astimezone(tzinfo("-0400" if n%3 else "+0000"))
    ad = ad.replace(second=0)
    if ad.hour < 7 and ad + datetime.timedelta(hours=8) < dt - datetime.timedelta(hours=1):
        ad = ad + datetime.timedelta(hours=8)
    wname, waddr = e["frm"]
    ask = e.get("ask", n % len(ASKS))
    asubj, abody = ASKS[ask]
    asubj = e.get("qsubj", asubj)
    last = e.get("last") or re.sub(r",.*$","",wname).split()[-1]
    sal = e.get("sal", f"Dear Dr. {last}")
    ctx = e.get("ctx", CTX[n % len(CTX)])
    qbody = e.get("qtext") or abody.format(sal=sal, ctx=ctx, aamc=AAMC)
    amid = f"<CA{base64.urlsafe_b64encode(bytes.fromhex(H(asubj+wname)[:40])).decode().rstrip('=')}@mail.inbox.test>"
    subj = e.get("subj") or (e.get("pre","Re: ") + asubj)
    qstyle = e.get("q")
    cs = e.get("cs","utf-8"); cte = e.get("cte","qp")
    body = e["body"].strip("\n")
    wrap = e.get("wrap", cte in ("7bit","8bit"))
    # plain text assembly
    qtxt = None
    if qstyle and qstyle not in ("inline",):
        qh, prefixed = quote_header(qstyle, ad, wname, waddr, asubj)
        if prefixed:
            ql = "\n".join(("> "+l) if l else ">" for l in wrap_text(qbody, 74).split("\n"))
            qtxt = qh + "\n" + ql
        else:
            qtxt = qh + "\n\n" + qbody
    foot = e.get("foot")
    newtext = body + ("\n\n" + foot if foot else "")
    if qtxt:
        if e.get("bottom"):
            full = qtxt + "\n\n" + newtext
        else:
            full = newtext + "\n\n" + qtxt
    else:
        full = newtext
    full = full + "\n"
    if wrap:
        full = wrap_text(full)
    # html assembly
    def mk_html():
        owa = e["fmt"] in ("owa","alt_owa","mixed_owa")
        nb = text_to_html(newtext)
        qb = ""
        if qtxt:
            qh, prefixed = quote_header(qstyle, ad, wname, waddr, asubj)
            if prefixed:
                qb = (f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{html.escape(qh)}<br></div>'
                      f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
                      f'{text_to_html(qbody)}</blockquote></div>')
            else:
                lines = [l for l in qh.split("\n") if not l.startswith("____") and not l.startswith("-----")]
                hb = "<br>\n".join("<b>"+html.escape(l.split(":",1)[0])+":</b>"+html.escape(l.split(":",1)[1]) if ":" in l else html.escape(l) for l in lines)
                qb = (f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">'
                      f'<p class="MsoNormal"><span style="font-size:11.0pt">{hb}</span></p></div>\n{text_to_html(qbody)}')
        if e.get("bottom"):
            inner = qb + "\n" + nb
        else:
            inner = nb + "\n" + qb
        if owa:
            return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">\n'
                    '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=' + cs + '">\n'
                    '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n'
                    '\t{margin:0in;font-size:11.0pt;font-family:"Calibri",sans-serif;}\n--></style>\n</head>\n'
                    '<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n<div class="WordSection1">\n'
                    + inner.replace("<p>", '<p class="MsoNormal">') + '\n</div>\n</body>\n</html>\n')
        return '<div dir="ltr">' + inner + '</div>\n'
    fmt = e["fmt"]
    bnd = lambda k: f"{'_' if 'owa' in fmt else '0000000000'}{H(str(n)+k)[:24]}"
    parts_hdr, payload = [], b""
    def leaf(ctype, text, cs, cte):
        h = f"Content-Type: {ctype}; charset=\"{cs}\"\r\nContent-Transfer-Encoding: {CTE_NAME[cte]}\r\n"
        return h, encode_part(text, cs, cte)
    html_cte = e.get("hcte", "qp" if cte in ("7bit","8bit") else cte)
    if fmt == "plain":
        ch, payload = leaf("text/plain", full, cs, cte)
    elif fmt in ("html","owa"):
        ch, payload = leaf("text/html", mk_html(), cs, html_cte if cte in ("7bit",) else cte)
    elif fmt in ("alt","alt_owa","mixed","mixed_owa","mixed_plain"):
        def alt():
            b = bnd("a")
            h1, p1 = leaf("text/plain", full, cs, cte)
            h2, p2 = leaf("text/html", mk_html(), cs, html_cte)
            body = (f"--{b}\r\n".encode() + h1.encode() + b"\r\n" + p1 + b"\r\n" +
                    f"--{b}\r\n".encode() + h2.encode() + b"\r\n" + p2 + b"\r\n" + f"--{b}--\r\n".encode())
            return f"Content-Type: multipart/alternative; boundary=\"{b}\"\r\n", body
        if fmt in ("alt","alt_owa"):
            ch, payload = alt()
        else:
            if fmt == "mixed_plain":
                ih, ip = leaf("text/plain", full, cs, cte)
            else:
                ih, ip = alt()
            b = bnd("m")
            fn, ctype, data = e["att"]
            if isinstance(data, str): data = data.replace("\n","\r\n").encode()
            b64 = base64.b64encode(data)
            b64 = b"\r\n".join(b64[i:i+76] for i in range(0,len(b64),76))
            disp = "inline" if ctype.startswith("image/") else "attachment"
            extra = "; method=REQUEST" if ctype.startswith("text/calendar") else ""
            payload = (f"--{b}\r\n".encode() + ih.encode() + b"\r\n" + ip + b"\r\n" +
                       f"--{b}\r\nContent-Type: {ctype}{extra}; name=\"{fn}\"\r\nContent-Disposition: {disp}; filename=\"{fn}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".encode()
                       + b64 + b"\r\n" + f"--{b}--\r\n".encode())
            ch = f"Content-Type: multipart/mixed; boundary=\"{b}\"\r\n"
    else:
        raise ValueError(fmt)
    # headers
    dom = waddr.split("@")[1]
    mua = e.get("mua") or {"gmail":"gmail","de":"tbird","de_gmail":"gmail","fr":"gmail","es":"gmail","pt":"gmail","tr":"gmail","it":"gmail","ar":"gmail",
                           "outlook":"outlook","outlook2":"outlook","origmsg":"outlook","de_outlook":"outlook","fr_outlook":"outlook","es_outlook":"outlook","pt_outlook":"outlook","tr_outlook":"outlook",
                           "apple":"apple","tbird":"tbird","tbird_us":"tbird","fr_tb":"tbird","dashorig":"tbird","fwd":"gmail"}.get(qstyle or "", "web")
    hx = H(waddr, n)
    if mua == "gmail":
        mid = f"<CA{base64.b64encode(bytes.fromhex(hx[:42])).decode().rstrip('=')}@mail.gmail.example>"
    elif mua == "outlook":
        k = hx[:4].upper()
        mid = f"<{k}PR0{hx[4]}MB{int(hx[5:9],16)%9000+1000}{hx[9:33].upper()}@{k}PR0{hx[4]}MB{int(hx[5:9],16)%9000+1000}.eurprd0{int(hx[33],16)%9}.prod.outlook.example>"
    elif mua == "apple":
        u = hx[:32].upper()
        mid = f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{dom}>"
    else:
        mid = f"<{hx[:16]}.{hx[16:24]}@{e.get('midhost', 'mail.'+dom)}>"
    H_ = []
    if e.get("received", n % 3 == 0):
        H_.append(f"Return-Path: <{e.get('rp', waddr)}>")
        H_.append("Delivered-To: " + APPL_ADDR)
        ip = f"203.0.113.{int(hx[40:42],16)%250+2}"
        rdt = (dt + datetime.timedelta(seconds=4 + int(hx[42],16))).astimezone(datetime.timezone.utc)
        H_.append(f"Received: from mail.{dom} (mail.{dom} [{ip}])\r\n by mx2.inbox.test (Postfix) with ESMTPS id {hx[44:54].upper()}\r\n for <{APPL_ADDR}>; {format_datetime(rdt)}")
    H_.append("From: " + addr(wname if not e.get("noname") else None, waddr))
    if e.get("sender"): H_.append("Sender: " + e["sender"])
    if e.get("replyto"): H_.append("Reply-To: " + e["replyto"])
    H_.append("To: " + addr(APPL if not e.get("to_bare") else None, APPL_ADDR))
    if e.get("cc"): H_.append("Cc: " + e["cc"])
    H_.append(fold("Subject: " + enc_subj(subj)))
    H_.append("Date: " + format_datetime(dt))
    H_.append("Message-ID: " + mid)
    if not e.get("noreply"):
        H_.append("In-Reply-To: " + amid)
        H_.append("References: " + amid)
    if mua == "outlook":
        H_.append(fold("Thread-Topic: " + enc_subj(asubj)))
        H_.append("Thread-Index: AQ" + base64.b64encode(bytes.fromhex(hx[10:40])).decode()[:26])
    xm = e.get("xmailer")
    if xm is None:
        xm = {"apple":"iPhone Mail (22F76)" if "iPhone" in (foot or "") else "Apple Mail (2.3826.600.51.1.1)", "tbird":None, "outlook":None}.get(mua)
    if xm: H_.append("X-Mailer: " + xm)
    if mua == "tbird" and not e.get("nouseragent"):
        H_.append("User-Agent: Mozilla Thunderbird")
    for k, v in e.get("hdrs", []):
        H_.append(f"{k}: {v}")
    H_.append("MIME-Version: 1.0")
    msg = "\r\n".join(H_).encode() + b"\r\n" + ch.encode() + b"\r\n" + payload
    if not msg.endswith(b"\r\n"): msg += b"\r\n"
    return msg

if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(__file__))
    entries = []
    for mod in sorted(f[:-3] for f in os.listdir(os.path.dirname(__file__)) if re.match(r"b\d+\.py$", f)):
        entries.extend(importlib.import_module(mod).R)
    import random
    random.Random(20260).shuffle(entries)
    out = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rows = ["file\tkind\tnote"]
    for i, e in enumerate(entries, 1):
        fn = f"{i:03d}.eml"
        try:
            data = build(e, i)
        except Exception as ex:
            print("ERROR", fn, e["frm"], repr(ex)); continue
        open(os.path.join(out, fn), "wb").write(data)
        assert "\t" not in e["note"] and "\n" not in e["note"]
        rows.append(f"{fn}\t{e['kind']}\t{e['note']}")
    open(os.path.join(out, "labels.tsv"), "w").write("\n".join(rows) + "\n")
    print(len(entries), "entries")
