import email, email.policy, glob, re, collections, sys
kinds={"strong_yes","hesitant","decline","needs_info","uploaded","auto_reply","other"}
rows=[l.rstrip("\n").split("\t") for l in open("labels.tsv",encoding="utf-8")]
assert rows[0]==["file","kind","note"]
files=sorted(glob.glob("*.eml"))
lab={r[0]:r for r in rows[1:]}
assert len(rows)-1==len(files)==200 and set(lab)==set(files)
mids=set(); cnt=collections.Counter()
for f in files:
    raw=open(f,"rb").read()
    if re.search(rb"(?<!\r)\n",raw) or re.search(rb"\r(?!\n)",raw): print("LF",f)
    if any(len(l)>998 for l in raw.split(b"\r\n")): print("long",f)
    m=email.message_from_bytes(raw,policy=email.policy.default)
    for h in ("From","To","Subject","Date","Message-ID","MIME-Version","Content-Type"):
        if m[h] is None: print("missing",h,f)
    assert m["Message-ID"] not in mids; mids.add(m["Message-ID"])
    m["From"].addresses; m["Date"].datetime
    alltext=str(m["From"])+str(m["To"])+str(m.get("Cc",""))
    for p in m.walk():
        if p.defects: print("def",f,p.defects)
        if p.get_content_maintype()=="text": alltext+=p.get_content()
    b=m.get_body(("plain","html")); assert len(b.get_content())>40
    for a in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", alltext):
        if not (a.endswith(".example") or a.endswith(".test")): print("domain",f,a)
    k=lab[f][1]; assert k in kinds; cnt[k]+=1
print(dict(cnt)); print(sum('BORDERLINE' in r[2] for r in rows[1:]), "borderline")
