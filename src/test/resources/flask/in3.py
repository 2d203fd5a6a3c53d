from flask import Flask

app = Flask(__name__)

# Route decorator used to select the resource specified with the URL
@app.route("/")
def welcome():
    return "<h1>The server is up and running!</h1>\n"

@app.route("/test/")
def test():
    return "<h1>This is the \"test\" folder.</h1>\n"


if __name__ == '__main__':
 
    app.run(host="0.0.0.0", port=5001, debug=False, threaded=True)
