from flask import Flask, request

app = Flask(__name__)

users = {}
users['users'] = []

# Route decorator to specify an endpoint and 
# what to do when a POST method is received
@app.route('/people/v1/users', methods=['POST'])
def create_user():
  # Check if request has content type as JSON
  if request.is_json:

    # Get the JSON data from the request
    user_data = request.get_json()

    # Access data from the JSON
    name = user_data.get('name')
    email = user_data.get('email')
    if not name or not email:
      return "Missing required fields (name and email)\n", 400  # Bad request

    users['users'].append({'name': name, 'email': email})

    # Return a success response
    return f"User created successfully! Name: {name}, Email: {email}\n", 201
  
  else:
    # Return error if not JSON
    return "Request must be JSON\n", 415
  
# Route decorator used to select the resource specified with the URL
@app.route("/")
def welcome():
    return "<h1>The server is up and running!</h1>\n"

@app.route("/test/")
def test():
    return "<h1>This is the \"test\" folder.</h1>\n"

if __name__ == '__main__':
  app.run(host="0.0.0.0", port=5001, debug=False, threaded=True)
