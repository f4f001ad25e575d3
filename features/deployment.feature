Feature: A Deployment brings up its pods
  The Kubernetes docs' first Deployment (concepts/workloads/controllers/deployment, "Creating a
  Deployment"): three nginx pods through one ReplicaSet named after the Deployment and the hash of
  its pod template.

  Background:
    Given a cluster

  Scenario: Creating the nginx Deployment of the docs
    When I run "kubectl apply -f manifests/nginx-deployment.yaml"
    Then the output should be:
      """
      deployment.apps/nginx-deployment created
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should be rolled out
    And deployment "nginx-deployment" should have status:
      | replicas            | 3 |
      | updatedReplicas     | 3 |
      | readyReplicas       | 3 |
      | availableReplicas   | 3 |
      | unavailableReplicas | 0 |
      | observedGeneration  | 1 |
    And deployment "nginx-deployment" should have condition Available with reason "MinimumReplicasAvailable"
    And deployment "nginx-deployment" should have condition Progressing with reason "NewReplicaSetAvailable"
    And deployment "nginx-deployment" should be at revision 1
    And deployment "nginx-deployment" should have 3 ready pods
    And deployment "nginx-deployment" should have 3 running pods
    And all pods of deployment "nginx-deployment" should run image "nginx:1.14.2"
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready | available | change-cause |
      | 1        | nginx:1.14.2 | 3        | 3     | 3         | <none>       |
    And the events of deployment "nginx-deployment" should include:
      | type   | reason            | message           | at |
      | Normal | ScalingReplicaSet | from 0 to 3       | 0s |

  Scenario: The ReplicaSet and the pods carry the pod-template-hash label
    When I apply the manifest file "manifests/nginx-deployment.yaml"
    And I run "kubectl get rs"
    Then the output should contain "nginx-deployment-"
    When I run "kubectl get pods --show-labels"
    Then the output should contain "app=nginx,pod-template-hash="
    When I run "kubectl get pods -l app=nginx"
    Then the command should succeed

  Scenario: kubectl follows the rollout while the images are pulled
    Given image pulls take 10 seconds
    When I apply the manifest file "manifests/nginx-deployment.yaml"
    And I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   0/3     3            0           0s
      """
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the output should be:
      """
      Waiting for deployment "nginx-deployment" rollout to finish: 0 of 3 updated replicas are available...
      deployment "nginx-deployment" successfully rolled out
      """
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   3/3     3            3           10s
      """

  Scenario: A rollout that cannot pull its image never completes
    The tag 1.161 was never published, so its pods stay in ImagePullBackOff; after the progress
    deadline (600 seconds by default) the Deployment says so.

    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: nginx
        template:
          metadata:
            labels:
              app: nginx
          spec:
            containers:
            - name: nginx
              image: nginx:1.161
      """
    And 11 minutes pass
    Then deployment "nginx-deployment" should have condition Progressing with reason "ProgressDeadlineExceeded"
    And deployment "nginx-deployment" should have 0 ready pods
    When I run "kubectl rollout status deployment/nginx-deployment"
    Then the command should fail with 'deployment "nginx-deployment" exceeded its progress deadline'
