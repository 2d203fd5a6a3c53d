import uuid
from flask import Flask, request, jsonify

app = Flask(__name__)

users = {}
users['users'] = []

# Function to generate a unique UUID4
def generate_uuid():
  return str(uuid.uuid4())

# Define endpoint and method to get all users (GET on /users)
@app.route('/people/v1/users', methods=['GET'])
def get_all_users():
  return jsonify(users), 200  # Return list of users as JSON

# Define endpoint and method to create a new user (POST on /users)
@app.route('/people/v1/users', methods=['POST'])
def create_user():

  # Check if request has content type as JSON
  if request.is_json:
      
    # Get the JSON data from the request
    user_data = request.get_json()
    
    # Access data from the JSON
    name = user_data.get('name')
    email = user_data.get('email')
    if not name:
      return "Missing required fields (name and email)\n", 400  # Bad request
    
    # Generate a unique UUID for the user
    user_id = generate_uuid()

    users['users'].append({'id': user_id, 'name': name, 'email': email})

    # Return a success response
    return f"User created successfully! ID: {user_id}, Name: {name}, Email: {email}\n", 201

  else:
    # Return error if not JSON
    return "Request must be JSON\n", 415
 
# Define endpoint and method to get a specific user by ID (GET on /users/<user_id>)
@app.route('/people/v1/users/<string:user_id>', methods=['GET'])
def get_user_by_id(user_id):

  for user in users['users']:
    if user.get('id') == user_id:
      return jsonify(user), 200
  return f"User with ID {user_id} not found\n", 404  # Not Found

# Define endpoint and method to delete a specific user (DELETE on /users/<user_id>)
@app.route('/people/v1/users/<string:user_id>', methods=['DELETE'])
def delete_user_by_id(user_id):

  for i, user in enumerate(users['users']):
    if user.get('id') == user_id:
      del users['users'][i]  # Remove user from the list
      return f"User with ID {user_id} deleted successfully\n", 204  # No Content
  return f"User with ID {user_id} not found\n", 404  # Not Found
  
# Route decorator used to select the resource specified with the URL
@app.route("/")
def welcome():
    return "<h1>The server is up and running!</h1>\n"

@app.route("/test/")
def test():
    return "<h1>This is the \"test\" folder.</h1>\n"

if __name__ == '__main__':
  app.run(host="0.0.0.0", port=5001, debug=False, threaded=True)
