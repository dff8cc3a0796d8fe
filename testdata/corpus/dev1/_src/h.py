def E(kind, note, frm, reg, fmt, q, body, cs="utf-8", cte="qp", **kw):
    d = dict(kind=kind, note=note, frm=frm, reg=reg, fmt=fmt, q=q, body=body, cs=cs, cte=cte)
    d.update(kw)
    return d
IPH = "Sent from my iPhone"
