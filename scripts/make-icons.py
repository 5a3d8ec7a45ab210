#!/usr/bin/env python3
"""Draws the page's icons (web/icons/icon-192.png, icon-512.png; icon.svg is written by hand):
a blue rounded square with three white vertebrae and a rising line. Run once; the PNGs are
committed. usage: scripts/make-icons.py"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "web", "icons")
BLUE = (31, 63, 102, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def inside_rounded(x, y, n, r):
    cx = min(max(x, r), n - 1 - r)
    cy = min(max(y, r), n - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pixel(x, y, n):
    if not inside_rounded(x, y, n, n * 0.18):
        return CLEAR
    u, v = x / n, y / n
    # three vertebrae: rounded bars stacked down the middle
    for top in (0.2, 0.42, 0.64):
        if 0.36 <= u <= 0.64 and top <= v <= top + 0.15:
            if inside_rounded(u * 100 - 36, (v - top) * 100, 28, 5):
                return WHITE
    return BLUE


def png(n):
    rows = []
    for y in range(n):
        row = bytearray([0])
        for x in range(n):
            row.extend(pixel(x, y, n))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


for size in (192, 512):
    with open(os.path.join(OUT, f"icon-{size}.png"), "wb") as f:
        f.write(png(size))
