# Runs one of the handout's listings (in3.py ... in7.py, kept exactly as printed) on the port a
# test gives: python3 run_listing.py in7.py 43123
#
# Each listing ends with `if __name__ == '__main__': app.run(host="0.0.0.0", port=5001, ...)`.
# Loaded here under its own module name, that block does not run; this file then starts the
# listing's own `app` with the listing's other settings, on 127.0.0.1 and the given port, so the
# listing's text stays as the handout prints it and tests never clash on 5001.
import importlib.util
import pathlib
import sys

if len(sys.argv) != 3:
    sys.exit("usage: python3 run_listing.py LISTING.py PORT")

listing = pathlib.Path(sys.argv[1]).resolve()
spec = importlib.util.spec_from_file_location(listing.stem, listing)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.app.run(host="127.0.0.1", port=int(sys.argv[2]), debug=False, threaded=True)
