# Converts two real weekly scanner panels shipped by Debian's r-cran-bayesm to FlashPlan's sales
# contract (docs: /work/shared/spec/data-format.md section 1; README "Sales history"):
#   Rscript bench/realdata/export_bayesm.R [OUT_DIR] [--cheese-weeks file-order|blocks]
# OUT_DIR defaults to bench/data/realdata (git-ignored: the data is never committed). Writes
# tuna.csv and cheese.csv (date,sku,name,units,price[,unit_cost],event; no list_price, no
# category) and prints what it wrote. bench/realdata/rolling_origin.sh runs it (after
# tools/ensure-deps.sh r-base-core r-cran-bayesm).
#
# tuna (?tuna): Dominick's Finer Foods, 7 canned tuna brands, chain-level weeks. One row per brand
# and WEEK present in the file; WEEK runs 1..398 with 60 weeks absent, and absent weeks stay
# absent (no row). date = 1989-09-11 + 7 * (WEEK - 1): Dominick's week 1 began Thursday
# 1989-09-14 (Chevalier, Kashyap and Rossi 2003 use its weekly files), so the Monday of that week
# keeps the season within 3 days. units = MOVEk, price = exp(LPRICEk), unit_cost = exp(LWHPRICk)
# (the wholesale price), event when NSALEk >= 0.5 (NSALE is the display activity, a share).
#
# cheese (?cheese): Borden sliced cheese, 88 retailer accounts (IRI), about 61-68 weeks each, no
# week column. sku = C01..C88 in the order of bayesm's RETAILER levels, name = RETAILER. units =
# VOLUME, price = PRICE, event when DISP >= 0.3 (DISP is the share of ACV on display). The
# calendar is unknown; every retailer starts on the same Monday, 1996-01-01 (the data predate the
# 1999 paper; a placeholder, not a fact). --cheese-weeks chooses which week a row is:
#   file-order (default): a retailer's k-th row in file order is its week k (issue 13's reading).
#   blocks: the file is week-major (each week's block lists every active retailer once), so a row
#     is the week of its block; this moves DALLAS/FT. WORTH - WINN DIXIE, whose 52 rows begin in
#     block 13, to weeks 13..64. Every other retailer is the same under both readings.
#
# Events: one id per product per run of consecutive sale weeks, "<sku>-<first date of the run>".
# FlashPlan counts the periods of an event (first, second, ... week) while the id stays the same
# on consecutive periods, and `forecast --prices` treats consecutive featured periods as one
# continuing event; per-run ids give the history the same meaning. A gap in the weeks ends a run.

args <- commandArgs(trailingOnly = TRUE)
out_dir <- "bench/data/realdata"
cheese_weeks <- "file-order"
i <- 1
while (i <= length(args)) {
  if (args[i] == "--cheese-weeks") {
    cheese_weeks <- args[i + 1]
    i <- i + 2
  } else if (startsWith(args[i], "-")) {
    stop("unknown option ", args[i])
  } else {
    out_dir <- args[i]
    i <- i + 1
  }
}
if (!cheese_weeks %in% c("file-order", "blocks"))
  stop("--cheese-weeks must be file-order or blocks")
suppressPackageStartupMessages(library(bayesm))
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

# Event id per row: rows of one product sorted by week; a run continues while the sale flag stays
# on and the next row is the next week.
event_ids <- function(sku, week, date, on) {
  ids <- character(length(sku))
  for (s in unique(sku)) {
    rows <- which(sku == s)
    rows <- rows[order(week[rows])]
    start <- NA_character_
    prev_week <- NA
    for (r in rows) {
      if (!on[r]) {
        start <- NA_character_
      } else {
        if (is.na(start) || week[r] != prev_week + 1)
          start <- date[r]
        ids[r] <- paste0(s, "-", start)
      }
      prev_week <- week[r]
    }
  }
  ids
}

write_sales <- function(df, path) {
  df <- df[order(df$date, df$sku), ]
  writeLines(paste(names(df), collapse = ","), path)
  write.table(df, path, append = TRUE, sep = ",", row.names = FALSE, col.names = FALSE,
              quote = which(names(df) == "name"), na = "") # only names hold commas
  cat(sprintf("export_bayesm: %s: %d rows, %d products, %s .. %s, %d event rows\n", path, nrow(df),
              length(unique(df$sku)), min(df$date), max(df$date), sum(df$event != "")))
}

# --- tuna -------------------------------------------------------------------------------------
data(tuna, package = "bayesm")
brands <- data.frame(
  sku = c("STARKIST6", "COTSEA6", "BBSOLID", "BBCHUNK", "GEISHA6", "BBLARGE", "HHCHUNK"),
  name = c("Star Kist 6 oz.", "Chicken of the Sea 6 oz.", "Bumble Bee Solid 6.12 oz.",
           "Bumble Bee Chunk 6.12 oz.", "Geisha 6 oz.", "Bumble Bee Large Cans.",
           "HH Chunk Lite 6.5 oz."))
tuna_monday <- as.Date("1989-09-11")
stopifnot(weekdays(tuna_monday) == "Monday", !anyDuplicated(tuna$WEEK))
parts <- lapply(seq_len(nrow(brands)), function(k) {
  data.frame(week = tuna$WEEK, sku = brands$sku[k], name = brands$name[k],
             units = tuna[[paste0("MOVE", k)]],
             price = round(exp(tuna[[paste0("LPRICE", k)]]), 6),
             unit_cost = round(exp(tuna[[paste0("LWHPRIC", k)]]), 6),
             on = tuna[[paste0("NSALE", k)]] >= 0.5)
})
tu <- do.call(rbind, parts)
tu$date <- format(tuna_monday + 7 * (tu$week - 1))
tu$event <- event_ids(tu$sku, tu$week, tu$date, tu$on)
write_sales(tu[, c("date", "sku", "name", "units", "price", "unit_cost", "event")],
            file.path(out_dir, "tuna.csv"))

# --- cheese -----------------------------------------------------------------------------------
data(cheese, package = "bayesm")
retailer <- as.character(cheese$RETAILER)
levels_ <- levels(cheese$RETAILER)
sku_of <- setNames(sprintf("C%02d", seq_along(levels_)), levels_)
if (cheese_weeks == "file-order") {
  week <- ave(seq_along(retailer), retailer, FUN = seq_along)
} else {
  # A new block starts at a retailer already seen in the current one.
  week <- integer(length(retailer))
  block <- 1L
  seen <- character(0)
  for (r in seq_along(retailer)) {
    if (retailer[r] %in% seen) {
      block <- block + 1L
      seen <- character(0)
    }
    seen <- c(seen, retailer[r])
    week[r] <- block
  }
}
cheese_monday <- as.Date("1996-01-01")
stopifnot(weekdays(cheese_monday) == "Monday")
ch <- data.frame(week = week, sku = unname(sku_of[retailer]), name = retailer,
                units = cheese$VOLUME, price = round(cheese$PRICE, 6),
                on = cheese$DISP >= 0.3)
stopifnot(!anyDuplicated(ch[, c("sku", "week")]))
ch$date <- format(cheese_monday + 7 * (ch$week - 1))
ch$event <- event_ids(ch$sku, ch$week, ch$date, ch$on)
write_sales(ch[, c("date", "sku", "name", "units", "price", "event")],
            file.path(out_dir, "cheese.csv"))
