"""Screenshot debugging: DOM checks on the live page, merging with the visual findings, reports."""
