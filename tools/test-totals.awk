# Sums the result line `dotnet test` prints for each test project ("Passed!  - Failed: 0, Passed: 12, Skipped: 0,
# ...") into two closing lines: how many projects reported, and "Total: N passed, N failed, N skipped".
# Exits 1 when no project reported, so a run that tested nothing does not pass for one that did.
/(Passed|Failed)! +- +Failed: / {
  for (i = 1; i <= NF; i++) {
    if ($i == "Failed:")  failed  += $(i + 1) + 0
    if ($i == "Passed:")  passed  += $(i + 1) + 0
    if ($i == "Skipped:") skipped += $(i + 1) + 0
  }
  projects++
}
END {
  printf "%d test project%s reported.\nTotal: %d passed, %d failed, %d skipped\n", \
    projects, (projects == 1 ? "" : "s"), passed, failed, skipped
  if (projects == 0) exit 1
}
